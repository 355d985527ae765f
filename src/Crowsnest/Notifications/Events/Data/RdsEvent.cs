using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Data;

/// <summary>Amazon RDS events: EventBridge (<c>RDS DB Instance Event</c>, ...) and the JSON RDS publishes to SNS (<c>"Event Source"</c>, <c>"Event Message"</c>).</summary>
internal sealed class RdsEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "rds.event",
        Source = "aws.rds",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("Event Message"u8) && p.Root.Has("Event Source"u8)
            && p.Root.Str("Event ID"u8)?.Contains("RDS-EVENT", StringComparison.Ordinal) == true,
        Title = (d, _) => $"RDS {Identifier(d)}: {d.Str("Message"u8) ?? d.Str("Event Message"u8)}",
        Severity = d => Categories(d).Any(c => c is "failure" or "low storage") ? Severity.High
            : Categories(d).Any(c => c is "failover" or "availability" or "recovery" or "maintenance" or "configuration change" or "deletion") ? Severity.Medium
            : Severity.Info,
        Fields = [new("Source type", "SourceType"), new("Source", "Event Source"), new("Event", "EventID")],
        Extra = (b, d, _) =>
        {
            b.Field("Categories", string.Join(", ", Categories(d))).Time("Time", d.Str("Date"u8) ?? d.Str("Event Time"u8))
                .Field("Event", EventCode(d.Str("Event ID"u8)))
                .Link("Resource", d.Str("Identifier Link"u8));
        },
        Link = (d, e) => ("RDS", ConsoleLinks.ForArn(d.Str("SourceArn"u8)) ?? ConsoleLinks.Service(e.Region, "rds/home", "#databases:")),
        Origin = d => (null, Regions.Normalize(QueryRegion(d.Str("Identifier Link"u8))), d.Str("Event Time"u8)),
        ThreadKey = (d, e) => $"rds/{e.Account}/{e.Region}/{Identifier(d)}",
        Keywords = ["rds"],
    };

    private static string? Identifier(JsonElement d) => d.Str("SourceIdentifier"u8) ?? d.Str("Source ID"u8) ?? d.Str("SourceId"u8);

    private static IEnumerable<string> Categories(JsonElement d) => d.Strings("EventCategories"u8);

    private static string? EventCode(string? link) => link is null ? null : link[(link.LastIndexOf('#') + 1)..].Trim();

    internal static string? QueryRegion(string? link)
    {
        var index = link?.IndexOf("region=", StringComparison.Ordinal) ?? -1;
        if (index < 0)
        {
            return null;
        }

        var rest = link![(index + 7)..];
        var end = rest.IndexOfAny(['&', '#']);
        return end < 0 ? rest : rest[..end];
    }
}
