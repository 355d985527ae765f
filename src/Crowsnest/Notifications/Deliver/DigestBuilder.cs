using System.Globalization;
using System.Text;
using Crowsnest.Messages;

namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// Storm grouping: many queued messages of one event type for one target become one digest message that lists
/// every one of them (title and severity, in sections that stay inside Block Kit limits) and carries the details in
/// an attached text file. Nothing is dropped.
/// </summary>
public static class DigestBuilder
{
    /// <summary>Lines per section (keeps each section well under Slack's 3,000 characters).</summary>
    public const int LinesPerSection = 20;

    /// <summary>The most messages one digest absorbs.</summary>
    public const int MaxItems = 100;

    private const int MaxLineChars = 100;

    /// <summary>Builds the digest of <paramref name="messages"/> (at least one, at most <see cref="MaxItems"/>).</summary>
    public static ChatMessage Build(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentOutOfRangeException.ThrowIfZero(messages.Count);
        var type = messages[0].EventType;
        var high = messages.Count(m => m.Severity >= Severity.High);
        var worst = messages.Max(m => m.Severity);
        var title = string.Create(CultureInfo.InvariantCulture, $"{Label(type)}: {messages.Count} new events{(high > 0 ? $", {high} high or critical" : "")}");
        var sections = new List<MessageSection>();
        for (var start = 0; start < messages.Count; start += LinesPerSection)
        {
            var lines = new StringBuilder();
            foreach (var m in messages.Skip(start).Take(LinesPerSection))
            {
                var line = $"- **{m.Severity}** {m.Title}";
                lines.Append(line.Length > MaxLineChars ? line[..MaxLineChars] + "…" : line).Append('\n');
            }
            sections.Add(new MessageSection(start == 0 ? "Events" : null, lines.ToString().TrimEnd('\n')));
        }
        return new ChatMessage
        {
            EventType = type,
            Title = title,
            Severity = worst,
            Summary = "Grouped because they arrived faster than the channel may be posted to; every event is listed, details are in the attached file.",
            Sections = sections,
            Attachments = [new MessageAttachment("events.txt", "text/plain", Details(messages))],
            Account = messages.Select(m => m.Account).Distinct().Count() == 1 ? messages[0].Account : null,
            Region = messages.Select(m => m.Region).Distinct().Count() == 1 ? messages[0].Region : null,
            OccurredAt = messages.Max(m => m.OccurredAt),
        };
    }

    private static string Label(string type)
    {
        var service = type.Split('.')[0];
        return service.Length == 0 ? type : char.ToUpperInvariant(service[0]) + service[1..];
    }

    private static string Details(IReadOnlyList<ChatMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var m in messages)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{m.Severity}] {m.Title}\n");
            if (m.Summary is { Length: > 0 } summary)
            {
                text.Append(summary).Append('\n');
            }
            foreach (var f in m.Fields)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {f.Label}: {f.Value}\n");
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
