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
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("Event Message") && p.Root.Has("Event Source")
            && p.Root.Str("Event ID")?.Contains("RDS-EVENT", StringComparison.Ordinal) == true,
        Title = (d, _) => $"RDS {Identifier(d)}: {d.Str("Message") ?? d.Str("Event Message")}",
        Severity = d => Categories(d).Any(c => c is "failure" or "low storage") ? Severity.High
            : Categories(d).Any(c => c is "failover" or "availability" or "recovery" or "maintenance" or "configuration change" or "deletion") ? Severity.Medium
            : Severity.Info,
        Fields = [new("Source type", "SourceType"), new("Source", "Event Source"), new("Event", "EventID")],
        Extra = (b, d, _) =>
        {
            b.Field("Categories", string.Join(", ", Categories(d))).Time("Time", d.Str("Date") ?? d.Str("Event Time"))
                .Field("Event", EventCode(d.Str("Event ID")))
                .Link("Resource", d.Str("Identifier Link"));
        },
        Link = (d, e) => ("RDS", ConsoleLinks.ForArn(d.Str("SourceArn")) ?? ConsoleLinks.Service(e.Region, "rds/home", "#databases:")),
        Origin = d => (null, Regions.Normalize(QueryRegion(d.Str("Identifier Link"))), d.Str("Event Time")),
        ThreadKey = (d, e) => $"rds/{e.Account}/{e.Region}/{Identifier(d)}",
        Keywords = ["rds"],
    };

    private static string? Identifier(JsonElement d) => d.Str("SourceIdentifier") ?? d.Str("Source ID") ?? d.Str("SourceId");

    private static IEnumerable<string> Categories(JsonElement d) => d.Strings("EventCategories");

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
