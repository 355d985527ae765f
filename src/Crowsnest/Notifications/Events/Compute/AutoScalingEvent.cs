using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>
/// EC2 Auto Scaling: EventBridge launch/terminate/lifecycle/instance-refresh events and the JSON SNS notification
/// (<c>"Service": "AWS Auto Scaling"</c>). The e-mail text form is <see cref="AutoScalingText"/>.
/// </summary>
internal sealed class AutoScalingEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "autoscaling.event",
        Source = "aws.autoscaling",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Str("Service"u8) == "AWS Auto Scaling",
        Title = (d, e) => $"{e.DetailType ?? d.Str("Event"u8) ?? "Auto Scaling activity"}: {d.Str("AutoScalingGroupName"u8) ?? GroupFromArn(d.Str("AutoScalingGroupARN"u8))}",
        SeverityByDetailType = new Dictionary<string, Messages.Severity>(StringComparer.Ordinal)
        {
            ["EC2 Instance Launch Unsuccessful"] = Messages.Severity.High,
            ["EC2 Instance Terminate Unsuccessful"] = Messages.Severity.High,
            ["EC2 Auto Scaling Instance Refresh Failed"] = Messages.Severity.High,
            ["EC2 Auto Scaling Instance Refresh Cancelled"] = Messages.Severity.Medium,
            ["EC2 Auto Scaling Instance Refresh Succeeded"] = Messages.Severity.Success,
        },
        Status = d => d.Str("StatusCode"u8) ?? d.Str("Event"u8),
        Summary = d => d.Str("Description"u8) ?? d.Str("Cause"u8),
        Fields = [new("Group", "AutoScalingGroupName"), new("Instance", "EC2InstanceId"), new("Status", "StatusCode"), new("Transition", "LifecycleTransition"),
            new("Hook", "LifecycleHookName"), new("Origin", "Origin"), new("Destination", "Destination"), new("Refresh", "InstanceRefreshId"),
            new("Status message", "StatusMessage", false), new("Cause", "Cause", false)],
        Origin = d => (d.Str("AccountId"u8), Arn.Parse(d.Str("AutoScalingGroupARN"u8))?.Region, d.Str("Time"u8)),
        Link = (d, e) => ("Auto Scaling group", ConsoleLinks.Service(e.Region, "ec2/home", "#AutoScalingGroupDetails:id=" + (d.Str("AutoScalingGroupName"u8) ?? GroupFromArn(d.Str("AutoScalingGroupARN"u8))))),
        ThreadKey = (d, e) => $"autoscaling/{e.Account}/{e.Region}/{d.Str("AutoScalingGroupName"u8) ?? GroupFromArn(d.Str("AutoScalingGroupARN"u8))}",
        Keywords = ["autoscaling"],
    };

    internal static string? GroupFromArn(string? arn)
    {
        const string Marker = "autoScalingGroupName/";
        var index = arn?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        return index < 0 ? null : arn![(index + Marker.Length)..];
    }
}
