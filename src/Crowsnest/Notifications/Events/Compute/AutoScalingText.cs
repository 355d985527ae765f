using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>EC2 Auto Scaling SNS notifications in their <c>Key: Value</c> text form (<c>Service: AWS Auto Scaling</c>).</summary>
internal sealed class AutoScalingText : TextEventType
{
    public override string Name => "autoscaling.event";

    protected override bool Matches(ParsedPayload payload) => payload.TextStartsWith("Service: AWS Auto Scaling");

    protected override IReadOnlyDictionary<string, string> Read(string text) => TextFields.Colon(text);

    protected override (Severity, string, string, string?, string?, string?, IReadOnlyList<string>?) Describe(IReadOnlyDictionary<string, string> f, ParsedPayload payload)
    {
        var arn = Get(f, "AutoScalingGroupARN");
        return (StatusSeverity.Of(Get(f, "StatusCode")), "aws.autoscaling", Get(f, "Event") ?? "Auto Scaling notification",
            Get(f, "AccountId"), Arn.Parse(arn)?.Region, Get(f, "Time"), arn is null ? null : [arn]);
    }

    protected override ChatMessage Render(AwsEvent e, IReadOnlyDictionary<string, string> f)
    {
        var group = Get(f, "AutoScalingGroupName") ?? AutoScalingEvent.GroupFromArn(Get(f, "AutoScalingGroupARN"));
        return new MessageBuilder(e, $"{Get(f, "Event") ?? "Auto Scaling"}: {group}")
            .Summary(Get(f, "Description") ?? Get(f, "Cause"))
            .Field("Group", group)
            .Code("Instance", Get(f, "EC2InstanceId"))
            .Field("Status", Get(f, "StatusCode"))
            .Field("Cause", Get(f, "Cause"), isShort: false)
            .Link("Auto Scaling group", ConsoleLinks.Service(e.Region, "ec2/home", "#AutoScalingGroupDetails:id=" + group))
            .Thread($"autoscaling/{e.Account}/{e.Region}/{group}")
            .Keywords("autoscaling")
            .Build();
    }
}
