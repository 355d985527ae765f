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
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("Event Message")
            && (p.Root.Str("Event ID")?.Contains("DMS-EVENT", StringComparison.Ordinal) == true || p.Root.Str("Identifier Link")?.Contains("/dms/", StringComparison.Ordinal) == true),
        Title = (d, e) => $"DMS {d.Str("Event Source") ?? e.DetailType} {d.Str("SourceId") ?? d.Str("Source ID")}: {d.Str("Event Message") ?? d.Str("detailMessage") ?? d.Str("eventType")}",
        Severity = d => (d.Str("Event Message") ?? d.Str("detailMessage") ?? string.Empty) is var m
            && (m.Contains("fail", StringComparison.OrdinalIgnoreCase) || m.Contains("error", StringComparison.OrdinalIgnoreCase)) ? Severity.High
            : m.Contains("stopped", StringComparison.OrdinalIgnoreCase) ? Severity.Medium : Severity.Info,
        Fields = [new("Source", "Event Source"), new("Resource", "SourceId"), new("Category", "category"), new("Event type", "eventType"), new("Event", "eventId")],
        Extra = (b, d, _) => b.Time("Time", d.Str("Event Time")).Field("Event", d.Str("Event ID")?.Split('#').LastOrDefault()?.Trim())
            .Link("Resource", d.Str("Identifier Link")),
        Origin = d => (null, RdsEvent.QueryRegion(d.Str("Identifier Link")), d.Str("Event Time")),
        ThreadKey = (d, e) => $"dms/{e.Account}/{e.Region}/{d.Str("SourceId") ?? d.Str("Source ID")}",
        Keywords = ["dms"],
    };
}
