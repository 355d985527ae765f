using System.Globalization;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Protocols;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Notifications.Actions;

namespace Crowsnest.Commands.Chat.Shortcuts.ShowLogs;

/// <summary>
/// Runs a "show logs" request: <c>logs start-query</c>, then <c>logs get-query-results</c> until the query
/// completes, waiting a little longer between each poll (bounded by <see cref="MaxWait"/>; a query still running then is
/// stopped). The calls are built by the same parser as typed commands. The result is an <see cref="AwsResult"/> (so
/// the chat flow audits and renders it like any call): the last <c>get-query-results</c> output with its
/// <c>queryId</c>, or a failure (AWS's own, <see cref="QueryFailedCode"/> or <see cref="StillRunningCode"/>).
/// </summary>
public sealed class LogsInsightsRunner(ICommandParser parser, TimeProvider time)
{
    /// <summary>The failure code when the query failed, was cancelled or timed out on the AWS side.</summary>
    public const string QueryFailedCode = "QueryFailed";

    /// <summary>The failure code when Crowsnest stopped waiting.</summary>
    public const string StillRunningCode = "QueryStillRunning";

    /// <summary>How long to wait for a query to complete.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first pause between polls; each next one doubles, up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan FirstPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pause between polls.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The <c>logs start-query</c> call of a request (what the chat flow authorizes).</summary>
    public AwsCall StartQuery(ShowLogsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call(
            ["logs", "start-query", "--log-group-name", request.LogGroup,
                "--start-time", request.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "--end-time", request.End.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                "--query-string", LogsInsightsQueries.For(request), "--limit", LogsInsightsQueries.Limit.ToString(CultureInfo.InvariantCulture)],
            request.Region);
    }

    /// <summary>Starts <paramref name="startQuery"/> and polls its results; <paramref name="invoke"/> calls AWS.</summary>
    public async Task<AwsResult> RunAsync(AwsCall startQuery, Func<AwsCall, CancellationToken, Task<AwsResult>> invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startQuery);
        ArgumentNullException.ThrowIfNull(invoke);
        var started = await invoke(startQuery, cancellationToken).ConfigureAwait(false);
        if (started is not AwsResult.Success { Output: var startOutput })
        {
            return started;
        }
        if ((string?)startOutput["queryId"] is not { } queryId)
        {
            return Failure(QueryFailedCode, "CloudWatch Logs did not return a query id.");
        }
        var deadline = time.GetUtcNow() + MaxWait;
        var pause = FirstPollInterval;
        while (true)
        {
            var polled = await invoke(Call(["logs", "get-query-results", "--query-id", queryId], startQuery.Region), cancellationToken).ConfigureAwait(false);
            if (polled is not AwsResult.Success { Output: var output })
            {
                return polled;
            }
            switch ((string?)output["status"])
            {
                case "Complete":
                    output["queryId"] = queryId;
                    return polled;
                case "Failed" or "Cancelled" or "Timeout" or "Unknown":
                    return Failure(QueryFailedCode, $"The Logs Insights query ended with status {(string?)output["status"]}.");
            }
            var now = time.GetUtcNow();
            if (now >= deadline)
            {
                await invoke(Call(["logs", "stop-query", "--query-id", queryId], startQuery.Region), cancellationToken).ConfigureAwait(false);
                return Failure(StillRunningCode, $"The query was still running after {MaxWait.TotalSeconds:0} seconds, so it was stopped. Try a shorter window.");
            }
            var wait = pause < deadline - now ? pause : deadline - now;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < MaxPollInterval ? pause * 2 : MaxPollInterval;
        }
    }

    /// <summary>What a run's result means for the reply.</summary>
    public static LogsQueryOutcome Outcome(AwsResult result) => result switch
    {
        AwsResult.Success success => new LogsQueryOutcome(LogsQueryStatus.Complete, Entries(success.Output), (string?)success.Output["queryId"], null),
        AwsResult.Failure { Error.Code: QueryFailedCode } f => new LogsQueryOutcome(LogsQueryStatus.Failed, [], null, f.PlainMessage),
        AwsResult.Failure { Error.Code: StillRunningCode } f => new LogsQueryOutcome(LogsQueryStatus.StillRunning, [], null, f.PlainMessage),
        AwsResult.Failure f => new LogsQueryOutcome(LogsQueryStatus.Refused, [], null, f.PlainMessage),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    /// <summary>The entries of a <c>get-query-results</c> answer (rows of field/value pairs; <c>@ptr</c> is dropped).</summary>
    public static IReadOnlyList<LogEntry> Entries(JsonObject output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var entries = new List<LogEntry>();
        foreach (var row in output["results"]?.AsArray() ?? [])
        {
            var fields = (row?.AsArray() ?? []).OfType<JsonObject>()
                .Where(f => f["field"] is not null)
                .GroupBy(f => (string)f["field"]!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (string?)g.First()["value"], StringComparer.Ordinal);
            entries.Add(new LogEntry(fields.GetValueOrDefault("@timestamp"), fields.GetValueOrDefault("@message") ?? "", fields.GetValueOrDefault("@logStream")));
        }
        return entries;
    }

    private static AwsResult.Failure Failure(string code, string message) => new(new AwsError(code, message, 0, null), message);

    private AwsCall Call(List<string> words, string? region)
    {
        if (region is not null)
        {
            words.AddRange(["--region", region]);
        }
        return parser.Parse(string.Join(' ', words.Select(CommandTemplate.QuoteWord))) is ParseResult.Parsed parsed
            ? parsed.Call
            : throw new InvalidOperationException($"The built-in command `{string.Join(' ', words.Take(2))}` does not parse against the service model.");
    }
}
