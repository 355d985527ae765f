using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crowsnest.LoadTest.Harness;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// A read-only command from a Slack event to the reply, Crowsnest vs the AWS CLI, both against moto. The AWS CLI side
/// (the baseline: <c>aws cloudwatch describe-alarms</c>, process start included) is timed whenever moto and the CLI are
/// installed. The Crowsnest side needs the Slack Events API endpoint (<c>POST /slack/events</c>); until the host
/// serves it, the run says "not available" instead of a number. <c>commands --host dll [--repeat 10]</c>
/// </summary>
internal static class CommandsRun
{
    public static async Task<int> RunAsync(Args args)
    {
        var result = new ScenarioResult("commands", args);
        var repeat = args.Int("--repeat", 10);
        var work = Workspace.Create("commands");
        var motoPort = FreePort.Next();
        var moto = Which("moto_server") is { } motoBinary && Which("aws") is not null
            ? ServerProcess.StartExecutable(motoBinary, ["-H", "127.0.0.1", "-p", motoPort.ToString(CultureInfo.InvariantCulture)], null, motoPort)
            : null;
        try
        {
            if (moto is null)
            {
                result.NotAvailable("commands: AWS CLI baseline", "moto_server or the aws CLI is not installed");
            }
            else
            {
                await moto.WaitReadyAsync("/moto-api/");
                var times = new List<double>();
                for (var i = 0; i < repeat; i++)
                {
                    var clock = Stopwatch.StartNew();
                    var exit = await RunAsync("aws", ["cloudwatch", "describe-alarms", "--endpoint-url", moto.BaseUrl.ToString(), "--region", "us-east-1", "--output", "json"]);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    if (exit != 0)
                    {
                        result.Note($"aws cloudwatch describe-alarms exited with {exit}");
                    }
                }
                times.Sort();
                result.Figure("AWS CLI describe-alarms vs moto (median)", Percentiles.Of(times, 0.5), "ms");
                result.Figure("AWS CLI describe-alarms vs moto (max)", times[^1], "ms");
            }
            var available = await SlackEventsServedAsync(args, work);
            result.Note(available
                ? "POST /slack/events answers a signed url_verification; the timed command path is not wired into this harness yet"
                : "POST /slack/events is not served by this build (the chat-commands work has not landed)");
            result.NotAvailable("commands: Crowsnest Slack event → reply vs the AWS CLI",
                available ? "the host serves /slack/events, but the command timing in bench is not implemented yet" : "not available: the host has no Slack Events API endpoint (POST /slack/events) in this build");
        }
        finally
        {
            if (moto is not null)
            {
                await moto.DisposeAsync();
            }
            Workspace.Delete(work);
        }
        return await result.WriteAsync();
    }

    /// <summary>Whether the host answers a signed Slack <c>url_verification</c> on <c>/slack/events</c> with its challenge.</summary>
    private static async Task<bool> SlackEventsServedAsync(Args args, string work)
    {
        await using var server = ServerProcess.StartCrowsnest(args.HostDll, Path.Combine(work, "data"), FreePort.Next(), CrowsnestApi.Environment());
        await server.WaitReadyAsync();
        const string body = """{"token":"x","challenge":"bench-challenge","type":"url_verification"}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CrowsnestApi.SlackSigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        using var answer = await http.SendAsync(request);
        // Anything but the challenge back (404, or the API's 401/403 for unknown paths) means the endpoint is not there.
        return answer.IsSuccessStatusCode && (await answer.Content.ReadAsStringAsync()).Contains("bench-challenge", StringComparison.Ordinal);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static async Task<int> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        using var process = Process.Start(start)!;
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
