using System.Text;
using Crowsnest.Commands.Execute.Output;
using Crowsnest.Messages;
using Crowsnest.Notifications.Actions;

namespace Crowsnest.Commands.Chat.Shortcuts.ShowLogs;

/// <summary>
/// The chat reply to "show logs": the entries in a code block (the full list as a file when long), a link to the
/// same query in the Logs Insights console, and the AWS CLI command that runs it again.
/// </summary>
public static class LogsReply
{
    /// <summary>The event type of the reply.</summary>
    public const string EventType = "command.reply";

    /// <summary>Renders an outcome.</summary>
    public static ChatMessage Render(ShowLogsRequest request, LogsQueryOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        var what = request.ErrorsOnly ? "Error logs" : "Logs";
        var window = $"{Time(request.Start)} – {Time(request.End)} UTC";
        var links = LogsInsightsLink.For(request) is { } url ? new[] { new MessageLink("Open in Logs Insights", url) } : [];
        if (outcome.Status != LogsQueryStatus.Complete)
        {
            return new ChatMessage
            {
                EventType = EventType,
                Title = $"{what} of {request.LogGroup}: not available",
                Severity = Severity.Medium,
                Summary = outcome.Error,
                Links = links,
                Region = request.Region,
            };
        }
        var text = new StringBuilder();
        foreach (var entry in outcome.Entries)
        {
            text.Append(entry.Timestamp).Append("  ").Append(entry.Message.TrimEnd('\n', '\r').Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
        }
        var output = ChatOutput.From(text.ToString(), maxLines: 60);
        var sections = new List<MessageSection>();
        if (outcome.Entries.Count > 0)
        {
            sections.Add(new MessageSection(null, "```\n" + output.Text.Replace("```", "'''", StringComparison.Ordinal) + "\n```"));
        }
        sections.Add(new MessageSection("Run it again", "```\n" + CliCommand(request) + "\n```"));
        return new ChatMessage
        {
            EventType = EventType,
            Title = $"{what} of {request.LogGroup}",
            Severity = Severity.Info,
            Summary = outcome.Entries.Count == 0
                ? $"No {(request.ErrorsOnly ? "entries mentioning Error, Exception or Fail" : "entries")} in {window}."
                : $"The first {outcome.Entries.Count} {(request.ErrorsOnly ? "entries mentioning Error, Exception or Fail" : "entries")} in {window}.",
            Sections = sections,
            Links = links,
            Attachments = output.Attachment is { } full ? [new MessageAttachment("logs.txt", "text/plain", full)] : [],
            Region = request.Region,
        };
    }

    /// <summary>The AWS CLI command that starts the same query.</summary>
    public static string CliCommand(ShowLogsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"aws logs start-query --log-group-name {CommandTemplate.QuoteWord(request.LogGroup)} --start-time {request.Start.ToUnixTimeSeconds()} "
            + $"--end-time {request.End.ToUnixTimeSeconds()} --query-string {CommandTemplate.QuoteWord(LogsInsightsQueries.For(request))}"
            + (request.Region is null ? "" : $" --region {request.Region}");
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
