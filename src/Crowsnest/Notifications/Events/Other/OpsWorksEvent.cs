using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>OpsWorks Stacks alerts and state changes.</summary>
internal sealed class OpsWorksEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "opsworks.event",
        Source = "aws.opsworks",
        Title = (d, e) => $"{e.DetailType}: {d.Str("type") ?? d.Str("status")}",
        Severity = d => d.Str("type") is not null ? Severity.Medium : StatusSeverity.Of(d.Str("status")),
        Summary = d => d.Str("message"),
        Fields = [new("Stack", "stack-id", false), new("Instance", "instance-id", false), new("Type", "type")],
        Keywords = ["opsworks"],
    };
}
