using Crowsnest.Commands.Parse;
using Crowsnest.Notifications.Actions;

namespace Crowsnest.Commands.Chat.Shortcuts.ShowLogs;

/// <summary>
/// <c>show-logs &lt;log-group&gt; --start &lt;time&gt; --end &lt;time&gt; [--errors] [--region &lt;region&gt;]</c>: the first
/// <see cref="LogsInsightsQueries.Limit"/> entries of a log group in a time window (a CloudWatch Logs Insights query),
/// optionally only those that mention an error. The "Show logs" buttons on alarms carry this command.
/// </summary>
/// <param name="LogGroup">The log group name.</param>
/// <param name="Start">Start of the window.</param>
/// <param name="End">End of the window.</param>
/// <param name="ErrorsOnly">Only entries containing Error, Exception or Fail.</param>
/// <param name="Region">The region; null for the configuration's default.</param>
public sealed record ShowLogsRequest(string LogGroup, DateTimeOffset Start, DateTimeOffset End, bool ErrorsOnly, string? Region)
{
    /// <summary>The shortcut's first word.</summary>
    public const string CommandName = "show-logs";

    /// <summary>How the command is written.</summary>
    public const string Usage = "show-logs <log-group> --start <time> --end <time> [--errors] [--region <region>]";

    /// <summary>The longest window a query may cover.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(14);

    /// <summary>The command text (without <c>@aws</c>) that runs this request.</summary>
    public string ToCommandText() =>
        $"{CommandName} {CommandTemplate.QuoteWord(LogGroup)} --start {Timestamps.Iso8601(Start)} --end {Timestamps.Iso8601(End)}"
        + (Region is null ? "" : $" --region {CommandTemplate.QuoteWord(Region)}")
        + (ErrorsOnly ? " --errors" : "");

    /// <summary>Reads the words after <see cref="CommandName"/>.</summary>
    public static ShortcutParse<ShowLogsRequest> Parse(IReadOnlyList<string> words)
    {
        var args = ShortcutArguments.Read(words, "errors");
        if (args.Error is { } error)
        {
            return Fail(error);
        }
        if (args.Unknown("start", "end", "errors", "region") is { Count: > 0 } unknown)
        {
            return Fail($"Unknown option {string.Join(", ", unknown)}.");
        }
        if (args.Positional.Count != 1)
        {
            return Fail(args.Positional.Count == 0 ? "Name the log group." : "Name one log group.");
        }
        if (!TryTime(args.Get("start"), out var start) || !TryTime(args.Get("end"), out var end))
        {
            return Fail("--start and --end need a time (ISO-8601, e.g. 2024-05-01T12:00:00Z, or epoch seconds).");
        }
        if (end <= start || end - start > MaxWindow)
        {
            return Fail($"--end must come after --start, at most {MaxWindow.TotalDays:0} days later.");
        }
        return ShortcutParse<ShowLogsRequest>.Ok(new ShowLogsRequest(args.Positional[0], start, end, args.Has("errors"), args.Get("region")));
    }

    private static bool TryTime(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is { Length: > 0 } && Timestamps.TryParse(text, out value);
    }

    private static ShortcutParse<ShowLogsRequest> Fail(string message) => ShortcutParse<ShowLogsRequest>.Fail($"{message} Usage: `{Usage}`");
}
