using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.CloudFormation;

/// <summary>CloudFormation EventBridge events: stack, resource, drift detection, StackSet operation and instance status changes.</summary>
internal sealed class CloudFormationStatusChange() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "cloudformation.status-change",
        Source = "aws.cloudformation",
        Title = (d, e) =>
        {
            var stack = Arn.Parse(d.Str("stack-id"u8) ?? d.Str("stack-set-arn"u8))?.Resource.Split('/').ElementAtOrDefault(1) ?? "stack";
            var status = d.Path("status-details"u8, "status"u8).Text() ?? d.Path("status-details"u8, "stack-drift-status"u8).Text() ?? "changed";
            return d.Str("logical-resource-id"u8) is { } resource ? $"{stack}: {resource} {status}" : $"{e.DetailType?.Replace("CloudFormation ", "", StringComparison.Ordinal)}: {stack} {status}";
        },
        Status = d => d.Path("status-details"u8, "status"u8).Text() ?? d.Path("status-details"u8, "stack-drift-status"u8).Text(),
        Summary = d => d.Path("status-details"u8, "status-reason"u8).Text(),
        Fields = [new("Resource", "logical-resource-id"), new("Type", "resource-type"), new("Physical id", "physical-resource-id", false),
            new("Operation", "stack-set-operation-id", false), new("Drift detection", "stack-drift-detection-id", false)],
        Extra = (b, d, _) => b.Field("Drifted resources", d.Path("drift-detection-details"u8, "drifted-stack-resource-count"u8).Text())
            .Field("Detection status", d.Path("status-details"u8, "detection-status"u8).Text()),
        Link = (d, e) => ("Stack", ConsoleLinks.Service(e.Region, "cloudformation/home", "#/stacks/stackinfo?stackId=" + ConsoleLinks.Escape(d.Str("stack-id"u8) ?? string.Empty))),
        ThreadKey = (d, _) => "cloudformation/" + (d.Str("stack-id"u8) ?? d.Str("stack-set-arn"u8)),
        Keywords = ["cloudformation"],
    };
}
