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
        Title = (d, _) => $"AWS Health: {d.Str("service"u8)} {Category(d.Str("eventTypeCategory"u8))} — {Humanize(d.Str("eventTypeCode"u8))}",
        Severity = d => d.Str("statusCode"u8) == "closed" ? Severity.Success
            : d.Str("eventTypeCategory"u8) switch
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
            b.Code("Event type", d.Str("eventTypeCode"u8), isShort: false).Time("Start", d.Str("startTime"u8)).Time("End", d.Str("endTime"u8))
                .Time("Updated", d.Str("lastUpdatedTime"u8))
                .Section("Description", Description(d)?.Replace("\\n", "\n", StringComparison.Ordinal));
            var entities = d.Items("affectedEntities"u8).ToList();
            var lines = entities.Take(MaxEntities).Select(entity =>
            {
                var tags = entity.Prop("tags"u8).Scalars().Select(t => $"{t.Name}={t.Value}").ToList();
                return Md.Code(entity.Str("entityValue"u8) ?? "?") + (tags.Count == 0 ? string.Empty : $" ({string.Join(", ", tags)})");
            }).ToList();
            if (entities.Count > MaxEntities)
            {
                lines.Add($"… and {entities.Count - MaxEntities} more");
            }

            b.Section($"Affected entities ({entities.Count})", lines.Count == 0 ? null : Md.Bullets(lines));
        },
        Link = (d, _) => ("AWS Health Dashboard", "https://health.aws.amazon.com/health/home#/account/event-log?eventID=" + ConsoleLinks.Escape(d.Str("eventArn"u8) ?? string.Empty)),
        ThreadKey = (d, _) => "health/" + d.Str("eventArn"u8),
        UpdateKey = (d, e) => $"health/{d.Str("eventArn"u8)}/{e.Account}",
        Keywords = ["health"],
    };

    private static string? Description(System.Text.Json.JsonElement d) =>
        d.Items("eventDescription"u8).FirstOrDefault(x => x.Str("language"u8) is null or "en_US").Str("latestDescription"u8);

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
