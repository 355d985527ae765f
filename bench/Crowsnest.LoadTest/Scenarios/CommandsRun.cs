using System.Diagnostics;
using System.Globalization;
using Crowsnest.LoadTest.Harness;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// A read-only command (<c>cloudwatch describe-alarms</c>) against moto, Crowsnest vs the AWS CLI in the same run:
/// Crowsnest is timed from a signed Slack <c>app_mention</c> to its reply in the Slack emulator's thread, the AWS CLI
/// from process start to exit. Commands go one after another, each waiting for its reply (bounded by
/// <c>--timeout</c> seconds); one warm-up of each side is not counted. <c>commands --host dll [--count 30] [--timeout 30]</c>
/// </summary>
internal static class CommandsRun
{
    private const string Command = "cloudwatch describe-alarms";

    public static async Task<int> RunAsync(Args args)
    {
        var result = new ScenarioResult("commands", args);
        var count = args.Int("--count", 30);
        var timeout = TimeSpan.FromSeconds(args.Int("--timeout", 30));
        if (AwsCli.Which("moto_server") is not { } motoBinary || AwsCli.Which("aws") is null)
        {
            result.NotAvailable("commands: Crowsnest vs the AWS CLI", "moto_server or the aws CLI is not installed");
            return await result.WriteAsync();
        }
        var work = Workspace.Create("commands");
        var motoPort = FreePort.Next();
        var moto = ServerProcess.StartExecutable(motoBinary, ["-H", "127.0.0.1", "-p", motoPort.ToString(CultureInfo.InvariantCulture)], null, motoPort);
        try
        {
            await moto.WaitReadyAsync("/moto-api/");
            var endpoint = moto.BaseUrl.ToString();
            var (exit, error) = await AwsCli.RunAsync("cloudwatch", "put-metric-alarm", "--alarm-name", "bench-cpu", "--metric-name", "CPUUtilization",
                "--namespace", "AWS/EC2", "--statistic", "Average", "--period", "60", "--evaluation-periods", "1", "--threshold", "80",
                "--comparison-operator", "GreaterThanThreshold", "--endpoint-url", endpoint, "--region", "us-east-1");
            if (exit != 0)
            {
                throw new InvalidOperationException($"aws cloudwatch put-metric-alarm exited with {exit}: {error}");
            }
            var cli = await TimeCliAsync(endpoint, count, result);
            await using var rig = await ChatRig.StartAsync(args, work, moto.BaseUrl);
            await rig.CommandAsync(Command, timeout); // warm-up: first STS call, JIT
            var crowsnest = new List<double>();
            for (var i = 0; i < count; i++)
            {
                var reply = await rig.CommandAsync(Command, timeout);
                if (reply is { } r && r.Text.Contains("I ran the read-only command", StringComparison.Ordinal))
                {
                    crowsnest.Add(r.Ms);
                }
                else
                {
                    result.Note(reply is { } other ? $"command {i + 1}: an unexpected reply: {other.Text[..Math.Min(200, other.Text.Length)]}" : $"command {i + 1}: no reply");
                }
            }
            Report(result, count, cli, crowsnest, timeout);
        }
        finally
        {
            await moto.DisposeAsync();
            Workspace.Delete(work);
        }
        return await result.WriteAsync();
    }

    private static async Task<List<double>> TimeCliAsync(string endpoint, int count, ScenarioResult result)
    {
        var times = new List<double>();
        for (var i = 0; i <= count; i++)
        {
            var clock = Stopwatch.StartNew();
            var (exit, _) = await AwsCli.RunAsync("cloudwatch", "describe-alarms", "--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json");
            var ms = clock.Elapsed.TotalMilliseconds;
            if (exit != 0)
            {
                result.Note($"aws cloudwatch describe-alarms exited with {exit}");
            }
            else if (i > 0) // the first is a warm-up (disk cache)
            {
                times.Add(ms);
            }
        }
        times.Sort();
        return times;
    }

    private static void Report(ScenarioResult result, int count, List<double> cli, List<double> crowsnest, TimeSpan timeout)
    {
        crowsnest.Sort();
        result.Figure("crowsnest p50", crowsnest.Count > 0 ? Percentiles.Of(crowsnest, 0.5) : double.NaN, "ms");
        result.Figure("crowsnest p99", crowsnest.Count > 0 ? Percentiles.Of(crowsnest, 0.99) : double.NaN, "ms");
        result.Figure("aws cli p50", cli.Count > 0 ? Percentiles.Of(cli, 0.5) : double.NaN, "ms");
        result.Figure("aws cli p99", cli.Count > 0 ? Percentiles.Of(cli, 0.99) : double.NaN, "ms");
        if (crowsnest.Count > 0 && cli.Count > 0)
        {
            result.Figure("ratio aws-cli/crowsnest p50", Percentiles.Of(cli, 0.5) / Percentiles.Of(crowsnest, 0.5), "x");
        }
        result.Note($"{Command} against moto, {count} sequential commands per side after one warm-up each; Crowsnest: signed app_mention → first bot reply in the Slack emulator thread; AWS CLI: process start → exit");
        result.Goal("commands: every command answered", crowsnest.Count == count && cli.Count == count,
            $"{crowsnest.Count}/{count} Slack replies (the read-only command's summary) within {timeout.TotalSeconds:0} s each; {cli.Count}/{count} AWS CLI runs succeeded");
    }
}
