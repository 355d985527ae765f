using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>EC2 "EC2 Instance State-change Notification" (also the <c>instance_id</c> spelling of replayed events).</summary>
internal sealed class Ec2InstanceStateChange() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ec2.instance-state",
        Source = "aws.ec2",
        DetailTypes = ["EC2 Instance State-change Notification"],
        Title = (d, _) => $"EC2 instance {InstanceId(d)} is {d.Str("state"u8) ?? "changing state"}",
        Severity = d => d.Str("state"u8) switch
        {
            "running" => Severity.Success,
            "stopped" or "stopping" or "shutting-down" => Severity.Medium,
            "terminated" => Severity.High,
            _ => Severity.Info,
        },
        Extra = (b, d, _) => b.Code("Instance", InstanceId(d)).Field("State", d.Str("state"u8)),
        Link = (d, e) => ($"Instance {InstanceId(d)}", ConsoleLinks.Service(e.Region, "ec2/home", "#InstanceDetails:instanceId=" + InstanceId(d))),
        ThreadKey = (d, e) => $"ec2/{e.Account}/{e.Region}/{InstanceId(d)}",
        Keywords = ["ec2"],
    };

    internal static string? InstanceId(System.Text.Json.JsonElement detail) => detail.Str("instance-id"u8, "instance_id"u8);
}
