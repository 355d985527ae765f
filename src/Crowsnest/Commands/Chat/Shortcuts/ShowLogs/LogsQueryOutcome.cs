namespace Crowsnest.Commands.Chat.Shortcuts.ShowLogs;

/// <summary>One log entry a query returned.</summary>
/// <param name="Timestamp">The <c>@timestamp</c> as Logs Insights printed it.</param>
/// <param name="Message">The <c>@message</c>.</param>
/// <param name="LogStream">The <c>@logStream</c>, when returned.</param>
public sealed record LogEntry(string? Timestamp, string Message, string? LogStream);

/// <summary>How a Logs Insights query ended.</summary>
public enum LogsQueryStatus
{
    /// <summary>The query finished; the entries are all it found (up to the limit).</summary>
    Complete = 0,

    /// <summary>AWS refused a call (permissions, unknown log group, throttling); the error says why.</summary>
    Refused,

    /// <summary>The query failed, was cancelled or timed out on the AWS side.</summary>
    Failed,

    /// <summary>The query was still running when Crowsnest stopped waiting; it was stopped.</summary>
    StillRunning,
}

/// <summary>The outcome of running a "show logs" query.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Entries">The entries found (empty unless complete).</param>
/// <param name="QueryId">The Logs Insights query id, once started.</param>
/// <param name="Error">Text for the user when it did not complete.</param>
public sealed record LogsQueryOutcome(LogsQueryStatus Status, IReadOnlyList<LogEntry> Entries, string? QueryId, string? Error);
