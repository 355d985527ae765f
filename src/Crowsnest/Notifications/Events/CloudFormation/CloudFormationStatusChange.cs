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
            var stack = Arn.Parse(d.Str("stack-id") ?? d.Str("stack-set-arn"))?.Resource.Split('/').ElementAtOrDefault(1) ?? "stack";
            var status = d.Path("status-details", "status").Text() ?? d.Path("status-details", "stack-drift-status").Text() ?? "changed";
            return d.Str("logical-resource-id") is { } resource ? $"{stack}: {resource} {status}" : $"{e.DetailType?.Replace("CloudFormation ", "", StringComparison.Ordinal)}: {stack} {status}";
        },
        Status = d => d.Path("status-details", "status").Text() ?? d.Path("status-details", "stack-drift-status").Text(),
        Summary = d => d.Path("status-details", "status-reason").Text(),
        Fields = [new("Resource", "logical-resource-id"), new("Type", "resource-type"), new("Physical id", "physical-resource-id", false),
            new("Operation", "stack-set-operation-id", false), new("Drift detection", "stack-drift-detection-id", false)],
        Extra = (b, d, _) => b.Field("Drifted resources", d.Path("drift-detection-details", "drifted-stack-resource-count").Text())
            .Field("Detection status", d.Path("status-details", "detection-status").Text()),
        Link = (d, e) => ("Stack", ConsoleLinks.Service(e.Region, "cloudformation/home", "#/stacks/stackinfo?stackId=" + ConsoleLinks.Escape(d.Str("stack-id") ?? string.Empty))),
        ThreadKey = (d, _) => "cloudformation/" + (d.Str("stack-id") ?? d.Str("stack-set-arn")),
        Keywords = ["cloudformation"],
    };
}
