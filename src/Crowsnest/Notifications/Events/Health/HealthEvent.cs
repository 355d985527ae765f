using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Health;

/// <summary>AWS Health events: issues, scheduled changes, account notifications and abuse reports, with affected entities.</summary>
internal sealed class HealthEvent() : DescribedEventType(Spec)
{
    private const int MaxEntities = 15;

    private static readonly EventSpec Spec = new()
    {
        Name = "health.event",
        Source = "aws.health",
        Title = (d, _) => $"AWS Health: {d.Str("service")} {Category(d.Str("eventTypeCategory"))} — {Humanize(d.Str("eventTypeCode"))}",
        Severity = d => d.Str("statusCode") == "closed" ? Severity.Success
            : d.Str("eventTypeCategory") switch
            {
                "issue" => Severity.High,
                "scheduledChange" => Severity.Medium,
                "accountNotification" => Severity.Info,
                "investigation" => Severity.Medium,
                _ => Severity.Info,
            },
        Summary = d => Md.FirstLine(Description(d) ?? string.Empty, 300),
        Fields = [new("Service", "service"), new("Category", "eventTypeCategory"), new("Status", "statusCode"), new("Scope", "eventScopeCode"),
            new("Region", "eventRegion"), new("Affected account", "affectedAccount")],
        Extra = (b, d, _) =>
        {
            b.Code("Event type", d.Str("eventTypeCode"), isShort: false).Time("Start", d.Str("startTime")).Time("End", d.Str("endTime"))
                .Time("Updated", d.Str("lastUpdatedTime"))
                .Section("Description", Description(d)?.Replace("\\n", "\n", StringComparison.Ordinal));
            var entities = d.Items("affectedEntities").ToList();
            var lines = entities.Take(MaxEntities).Select(entity =>
            {
                var tags = entity.Prop("tags").Scalars().Select(t => $"{t.Name}={t.Value}").ToList();
                return Md.Code(entity.Str("entityValue") ?? "?") + (tags.Count == 0 ? string.Empty : $" ({string.Join(", ", tags)})");
            }).ToList();
            if (entities.Count > MaxEntities)
            {
                lines.Add($"… and {entities.Count - MaxEntities} more");
            }

            b.Section($"Affected entities ({entities.Count})", lines.Count == 0 ? null : Md.Bullets(lines));
        },
        Link = (d, _) => ("AWS Health Dashboard", "https://health.aws.amazon.com/health/home#/account/event-log?eventID=" + ConsoleLinks.Escape(d.Str("eventArn") ?? string.Empty)),
        ThreadKey = (d, _) => "health/" + d.Str("eventArn"),
        UpdateKey = (d, e) => $"health/{d.Str("eventArn")}/{e.Account}",
        Keywords = ["health"],
    };

    private static string? Description(System.Text.Json.JsonElement d) =>
        d.Items("eventDescription").FirstOrDefault(x => x.Str("language") is null or "en_US").Str("latestDescription");

    private static string Category(string? category) => category switch
    {
        "issue" => "issue",
        "scheduledChange" => "scheduled change",
        "accountNotification" => "account notification",
        _ => category ?? "event",
    };

    private static string Humanize(string? code) =>
        code is null ? "event" : code.Replace("AWS_", string.Empty, StringComparison.Ordinal).Replace('_', ' ').ToLowerInvariant();
}
