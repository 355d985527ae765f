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
        Title = (d, e) => $"{e.DetailType}: {d.Str("type"u8) ?? d.Str("status"u8)}",
        Severity = d => d.Str("type"u8) is not null ? Severity.Medium : StatusSeverity.Of(d.Str("status"u8)),
        Summary = d => d.Str("message"u8),
        Fields = [new("Stack", "stack-id", false), new("Instance", "instance-id", false), new("Type", "type")],
        Keywords = ["opsworks"],
    };
}
