using System.Globalization;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Commands.Chat.Shortcuts.ShowLogs;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Tests.Aws;
using Crowsnest.Tests.Commands.Execute;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Commands.Chat.Shortcuts;

public class LogsInsightsRunnerTests
{
    private static readonly CommandParser Parser = new(TestModels.Catalog);

    [Fact]
    public async Task Against_moto_the_first_entries_of_the_window_come_back_oldest_first_and_render()
    {
        var moto = await MotoAws.SharedAsync();
        var group = "/aws/lambda/" + MotoAws.Unique("fn");
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        await moto.OkAsync($"logs create-log-group --log-group-name {group}");
        await moto.OkAsync($"logs create-log-stream --log-group-name {group} --log-stream-name s1");
        var events = string.Join(' ', Enumerable.Range(1, 3).Select(i =>
            $"timestamp={start.AddMinutes(i).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)},message=line-{i}"));
        await moto.OkAsync($"logs put-log-events --log-group-name {group} --log-stream-name s1 --log-events {events}");
        // An entry after the window is left out.
        await moto.OkAsync($"logs put-log-events --log-group-name {group} --log-stream-name s1 --log-events timestamp={start.AddMinutes(9).ToUnixTimeMilliseconds()},message=late");

        var request = new ShowLogsRequest(group, start, start.AddMinutes(5), false, "us-east-1");
        var runner = new LogsInsightsRunner(Parser, new FakeTimeProvider(start));
        var outcome = await RunAsync(runner, request, moto.Invoker, MotoAws.TestCredentials);

        Assert.Equal(LogsQueryStatus.Complete, outcome.Status);
        Assert.Equal(["line-1", "line-2", "line-3"], outcome.Entries.Select(e => e.Message));
        Assert.All(outcome.Entries, e => Assert.Equal("s1", e.LogStream));
        var reply = LogsReply.Render(request, outcome);
        Assert.Contains("line-2", reply.Sections[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("The first 3 entries in " + start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), reply.Summary, StringComparison.Ordinal);
        Assert.StartsWith("```\naws logs start-query --log-group-name " + group, reply.Sections[^1].Text, StringComparison.Ordinal);
        Assert.Equal("Open in Logs Insights", Assert.Single(reply.Links).Text);
    }

    [Fact]
    public async Task Against_moto_an_unknown_log_group_is_refused_with_aws_reason()
    {
        var moto = await MotoAws.SharedAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var request = new ShowLogsRequest("/aws/lambda/" + MotoAws.Unique("missing"), start, start.AddMinutes(5), true, "us-east-1");
        var outcome = await RunAsync(new LogsInsightsRunner(Parser, new FakeTimeProvider(start)), request, moto.Invoker, MotoAws.TestCredentials);
        Assert.Equal(LogsQueryStatus.Refused, outcome.Status);
        Assert.NotNull(outcome.Error);
        Assert.Contains("not available", LogsReply.Render(request, outcome).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_query_is_polled_with_growing_pauses_until_complete()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var aws = new ScriptedLogs(time, "Scheduled", "Running", "Running", "Complete");
        var runner = new LogsInsightsRunner(Parser, time);
        var outcome = await Drive(time, RunAsync(runner, Request(), aws, new AwsCredentials("AKID", "secret")));
        Assert.Equal(LogsQueryStatus.Complete, outcome.Status);
        Assert.Equal("hello", Assert.Single(outcome.Entries).Message);
        Assert.Equal(["StartQuery", "GetQueryResults@0", "GetQueryResults@500", "GetQueryResults@1500", "GetQueryResults@3500"], aws.Calls);
    }

    [Fact]
    public async Task A_query_still_running_at_the_bound_is_stopped()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var aws = new ScriptedLogs(time, [.. Enumerable.Repeat("Running", 50)]);
        var runner = new LogsInsightsRunner(Parser, time) { MaxWait = TimeSpan.FromSeconds(10) };
        var outcome = await Drive(time, RunAsync(runner, Request(), aws, new AwsCredentials("AKID", "secret")));
        Assert.Equal(LogsQueryStatus.StillRunning, outcome.Status);
        Assert.Equal("StopQuery@10000", aws.Calls[^1]);
        Assert.Equal("GetQueryResults@10000", aws.Calls[^2]);
    }

    [Fact]
    public void The_start_query_call_carries_the_window_query_and_limit()
    {
        var call = new LogsInsightsRunner(Parser, TimeProvider.System).StartQuery(Request() with { ErrorsOnly = true });
        Assert.Equal("logs:StartQuery", call.IamAction);
        Assert.Equal("/g", (string?)call.Input["logGroupName"]);
        Assert.Equal(0, (long)call.Input["startTime"]!);
        Assert.Equal(300, (long)call.Input["endTime"]!);
        Assert.Equal(LogsInsightsQueries.Errors, (string?)call.Input["queryString"]);
        Assert.Equal(30L, (long)call.Input["limit"]!);
        Assert.Equal("eu-west-1", call.Region);
    }

    // Straight to the invoker: these tests are about the query loop; the shortcut authorizes each call (ShowLogsShortcut).
    private static async Task<LogsQueryOutcome> RunAsync(LogsInsightsRunner runner, ShowLogsRequest request, IAwsInvoker invoker, AwsCredentials credentials) =>
        LogsInsightsRunner.Outcome(await runner.RunAsync(runner.StartQuery(request), (c, t) => invoker.InvokeAsync(c, credentials, t), CancellationToken.None));

    private static ShowLogsRequest Request() => new("/g", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(5), false, "eu-west-1");

    // Advances fake time in small steps until the run completes (the scripted invoker answers at once).
    private static async Task<LogsQueryOutcome> Drive(FakeTimeProvider time, Task<LogsQueryOutcome> run)
    {
        for (var i = 0; i < 10_000 && !run.IsCompleted; i++)
        {
            await Task.Yield();
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
        return await run;
    }

    /// <summary>moto completes every query at once, so the polling path runs against a scripted CloudWatch Logs.</summary>
    private sealed class ScriptedLogs(FakeTimeProvider time, params string[] statuses) : IAwsInvoker
    {
        private int _polls;

        public List<string> Calls { get; } = [];

        public Task<AwsResult> InvokeAsync(AwsCall call, AwsCredentials credentials, CancellationToken ct)
        {
            var at = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;
            Calls.Add(call.OperationName == "StartQuery" ? "StartQuery" : $"{call.OperationName}@{at:0}");
            JsonObject output = call.OperationName switch
            {
                "StartQuery" => new JsonObject { ["queryId"] = "q-1" },
                "GetQueryResults" => Poll(),
                _ => new JsonObject { ["success"] = true },
            };
            return Task.FromResult<AwsResult>(new AwsResult.Success(output, 1));
        }

        private JsonObject Poll()
        {
            var status = statuses[Math.Min(_polls++, statuses.Length - 1)];
            var results = status == "Complete"
                ? new JsonArray(new JsonArray(new JsonObject { ["field"] = "@timestamp", ["value"] = "2026-11-28 00:58:00.000" }, new JsonObject { ["field"] = "@message", ["value"] = "hello" }))
                : [];
            return new JsonObject { ["status"] = status, ["results"] = results };
        }
    }
}
