using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.CloudFormation;

/// <summary>CloudFormation stack events as published to a stack's SNS topic: <c>Key='value'</c> lines.</summary>
internal sealed class CloudFormationStackNotification : TextEventType
{
    public override string Name => "cloudformation.notification";

    protected override bool Matches(ParsedPayload payload) =>
        payload.TextStartsWith("StackId='") && payload.Body.Contains("ResourceStatus='", StringComparison.Ordinal);

    protected override IReadOnlyDictionary<string, string> Read(string text) => TextFields.Quoted(text);

    protected override (Severity, string, string, string?, string?, string?, IReadOnlyList<string>?) Describe(IReadOnlyDictionary<string, string> f, ParsedPayload payload)
    {
        var stackId = Get(f, "StackId");
        return (StatusSeverity.Of(Get(f, "ResourceStatus")), "aws.cloudformation", "CloudFormation Stack Event",
            Get(f, "Namespace"), Arn.Parse(stackId)?.Region, Get(f, "Timestamp"), stackId is null ? null : [stackId]);
    }

    protected override ChatMessage Render(AwsEvent e, IReadOnlyDictionary<string, string> f)
    {
        var stackName = Get(f, "StackName") ?? "stack";
        var logicalId = Get(f, "LogicalResourceId");
        var status = Get(f, "ResourceStatus") ?? "UNKNOWN";
        var isStack = logicalId == stackName;
        var stackId = Get(f, "StackId");
        return new MessageBuilder(e, isStack ? $"Stack {stackName}: {status}" : $"{stackName}: {logicalId} {status}")
            .Summary(Get(f, "ResourceStatusReason"))
            .Field("Stack", stackName, isShort: false)
            .Field("Resource", logicalId)
            .Field("Type", Get(f, "ResourceType"))
            .Field("Status", status)
            .Code("Physical id", Get(f, "PhysicalResourceId"), isShort: false)
            .Time("Time", Get(f, "Timestamp"))
            .Link("Stack events", ConsoleLinks.Service(e.Region, "cloudformation/home", "#/stacks/events?stackId=" + ConsoleLinks.Escape(stackId ?? stackName)))
            .Thread(stackId is null ? null : "cloudformation/" + stackId)
            .Keywords("cloudformation", status)
            .Build();
    }
}
