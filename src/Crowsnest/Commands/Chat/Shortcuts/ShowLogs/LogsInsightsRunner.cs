using System.Text.Json.Nodes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Notifications.Actions;

namespace Crowsnest.Commands.Chat.Shortcuts.ShowLogs;

/// <summary>
/// Runs a "show logs" request: <c>logs start-query</c>, then <c>logs get-query-results</c> until the query
/// completes, waiting a little longer between each poll (bounded by <see cref="MaxWait"/>; a query still running then is
/// stopped). The calls are built by the same parser as typed commands and run by the same invoker.
/// </summary>
public sealed class LogsInsightsRunner(ICommandParser parser, IAwsInvoker invoker, TimeProvider time)
{
    /// <summary>How long to wait for a query to complete.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first pause between polls; each next one doubles, up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan FirstPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pause between polls.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The AWS calls the request makes, for authorization before it runs: start-query and get-query-results.</summary>
    public IReadOnlyList<AwsCall> Calls(ShowLogsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [StartQuery(request), Call(["logs", "get-query-results", "--query-id", "0"], request.Region)];
    }

    /// <summary>Runs the query with <paramref name="credentials"/> (already assumed for the channel's role).</summary>
    public async Task<LogsQueryOutcome> RunAsync(ShowLogsRequest request, AwsCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = await invoker.InvokeAsync(StartQuery(request), credentials, cancellationToken).ConfigureAwait(false);
        if (started is AwsResult.Failure refused)
        {
            return new LogsQueryOutcome(LogsQueryStatus.Refused, [], null, refused.PlainMessage);
        }
        var queryId = (string?)((AwsResult.Success)started).Output["queryId"];
        if (queryId is null)
        {
            return new LogsQueryOutcome(LogsQueryStatus.Failed, [], null, "CloudWatch Logs did not return a query id.");
        }
        var deadline = time.GetUtcNow() + MaxWait;
        var pause = FirstPollInterval;
        while (true)
        {
            var polled = await invoker.InvokeAsync(Call(["logs", "get-query-results", "--query-id", queryId], request.Region), credentials, cancellationToken).ConfigureAwait(false);
            if (polled is AwsResult.Failure failure)
            {
                return new LogsQueryOutcome(LogsQueryStatus.Refused, [], queryId, failure.PlainMessage);
            }
            var output = ((AwsResult.Success)polled).Output;
            switch ((string?)output["status"])
            {
                case "Complete":
                    return new LogsQueryOutcome(LogsQueryStatus.Complete, Entries(output), queryId, null);
                case "Failed" or "Cancelled" or "Timeout" or "Unknown":
                    return new LogsQueryOutcome(LogsQueryStatus.Failed, [], queryId, $"The Logs Insights query ended with status {(string?)output["status"]}.");
            }
            var now = time.GetUtcNow();
            if (now >= deadline)
            {
                await invoker.InvokeAsync(Call(["logs", "stop-query", "--query-id", queryId], request.Region), credentials, cancellationToken).ConfigureAwait(false);
                return new LogsQueryOutcome(LogsQueryStatus.StillRunning, [], queryId, $"The query was still running after {MaxWait.TotalSeconds:0} seconds, so it was stopped. Try a shorter window.");
            }
            var wait = pause < deadline - now ? pause : deadline - now;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < MaxPollInterval ? pause * 2 : MaxPollInterval;
        }
    }

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

    private AwsCall StartQuery(ShowLogsRequest request) => Call(
        ["logs", "start-query", "--log-group-name", request.LogGroup,
            "--start-time", request.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--end-time", request.End.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--query-string", LogsInsightsQueries.For(request), "--limit", LogsInsightsQueries.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        request.Region);

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
