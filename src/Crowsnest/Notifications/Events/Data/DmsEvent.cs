using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Data;

/// <summary>AWS DMS events: the JSON DMS publishes to SNS and EventBridge "DMS Replication ..." events.</summary>
internal sealed class DmsEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "dms.event",
        Source = "aws.dms",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("Event Message"u8)
            && (p.Root.Str("Event ID"u8)?.Contains("DMS-EVENT", StringComparison.Ordinal) == true || p.Root.Str("Identifier Link"u8)?.Contains("/dms/", StringComparison.Ordinal) == true),
        Title = (d, e) => $"DMS {d.Str("Event Source"u8) ?? e.DetailType} {d.Str("SourceId"u8) ?? d.Str("Source ID"u8)}: {d.Str("Event Message"u8) ?? d.Str("detailMessage"u8) ?? d.Str("eventType"u8)}",
        Severity = d => (d.Str("Event Message"u8) ?? d.Str("detailMessage"u8) ?? string.Empty) is var m
            && (m.Contains("fail", StringComparison.OrdinalIgnoreCase) || m.Contains("error", StringComparison.OrdinalIgnoreCase)) ? Severity.High
            : m.Contains("stopped", StringComparison.OrdinalIgnoreCase) ? Severity.Medium : Severity.Info,
        Fields = [new("Source", "Event Source"), new("Resource", "SourceId"), new("Category", "category"), new("Event type", "eventType"), new("Event", "eventId")],
        Extra = (b, d, _) => b.Time("Time", d.Str("Event Time"u8)).Field("Event", d.Str("Event ID"u8)?.Split('#').LastOrDefault()?.Trim())
            .Link("Resource", d.Str("Identifier Link"u8)),
        Origin = d => (null, RdsEvent.QueryRegion(d.Str("Identifier Link"u8)), d.Str("Event Time"u8)),
        ThreadKey = (d, e) => $"dms/{e.Account}/{e.Region}/{d.Str("SourceId"u8) ?? d.Str("Source ID"u8)}",
        Keywords = ["dms"],
    };
}
