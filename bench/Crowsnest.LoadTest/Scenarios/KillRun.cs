using System.Globalization;
using Crowsnest.LoadTest.Harness;
using Crowsnest.TestKit.Webhooks;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// SIGKILL at random points during load, <c>--kills</c> times, restarting each time on the same SQLite store:
/// notifications acknowledged with 200 must all reach the webhook receivers (goal: 0 lost); duplicates are counted.
/// Notifications refused while the process was down are posted again at the end, as SNS retries them.
/// <c>kills --host dll [--messages 10000] [--rate 500] [--concurrency 32] [--kills 5] [--seed 7]</c>
/// </summary>
internal static class KillRun
{
    private const int Targets = 50;
    private const string Secret = "0123456789abcdef-bench-signing";

    public static async Task<int> RunAsync(Args args)
    {
        var (messages, rate, concurrency, kills) = (args.Int("--messages", 10_000), args.Double("--rate", 500), args.Int("--concurrency", 32), args.Int("--kills", 5));
        var random = new Random(args.Int("--seed", 7));
        var work = Workspace.Create("kills");
        using var poster = new SnsPoster(work);
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { MaxRecords = messages * 3 });
        var port = FreePort.Next();
        var environment = CrowsnestApi.Environment(new Dictionary<string, string>
        {
            ["CROWSNEST_DELIVERY__DIGESTS"] = "false",
            ["CROWSNEST_DELIVERY__LEASE"] = "00:00:15",
            ["CROWSNEST_DELIVERY__SENDTIMEOUT"] = "00:00:05",
        });
        ServerProcess Start() => ServerProcess.StartCrowsnest(args.HostDll, Path.Combine(work, "data"), port, environment, "--sns-pinned-certificates", poster.PinnedDirectory);

        var server = Start();
        await server.WaitReadyAsync();
        using (var api = new CrowsnestApi(server.BaseUrl))
        {
            await CrowsnestApi.ManyAsync(Targets, 4, t => api.CreateWebhookAsync($"hook{t}", receiver.CreateEndpoint(Secret), SnsPoster.Topic(t), Secret));
        }
        await Task.Delay(1500); // the configuration snapshot poll (0.5 s) picks the targets up
        Console.WriteLine($"kills: signing {messages} notifications...");
        var bodies = poster.SignMany(messages, i => SnsPoster.Topic(i % Targets), SnsPoster.Custom);
        var outcome = new PostOutcome(messages);
        var current = server;
        var up = Task.CompletedTask;
        var load = SnsPoster.PostAsync(() => current.BaseUrl, bodies, [.. Enumerable.Range(0, messages)], concurrency, rate, TimeSpan.FromMinutes(5), outcome,
            gate: () => Volatile.Read(ref up));
        // Random points spread over the load: kill k once a random share (within its k-th slice) has been acknowledged.
        var thresholds = Enumerable.Range(0, kills).Select(k => (int)(messages * (0.05 + (0.85 * (k + random.NextDouble()) / kills)))).ToList();
        var restarts = new List<double>();
        var killedAt = new List<string>();
        foreach (var threshold in thresholds)
        {
            while (outcome.Count(200) < threshold && !load.IsCompleted)
            {
                await Task.Delay(20);
            }
            var delivered = receiver.Received.Stats().AcceptedWrites;
            var restarted = new TaskCompletionSource();
            Volatile.Write(ref up, restarted.Task);
            await current.KillAsync();
            killedAt.Add(string.Create(CultureInfo.InvariantCulture, $"{outcome.Count(200)} acknowledged / {delivered} delivered"));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            current = Start();
            await current.WaitReadyAsync();
            restarts.Add(clock.Elapsed.TotalMilliseconds);
            restarted.SetResult();
        }
        await load;
        var acknowledged = outcome.Where(s => s == 200).ToHashSet();
        var refused = outcome.Where(s => s != 200).ToList();
        Console.WriteLine($"kills: {acknowledged.Count} acknowledged, {refused.Count} refused while down; posting those again");
        var retry = new PostOutcome(messages);
        await SnsPoster.PostAsync(() => current.BaseUrl, bodies, refused, concurrency, 0, TimeSpan.FromMinutes(2), retry);
        var seen = await Arrivals.WaitAsync(receiver.Received, [.. Enumerable.Range(0, messages)], TimeSpan.FromSeconds(120 + (messages / 100)),
            () => current.HasExited);
        var lost = acknowledged.Count(i => !seen.ContainsKey(i));
        var missing = Enumerable.Range(0, messages).Count(i => !seen.ContainsKey(i));
        var stats = receiver.Received.Stats();
        await current.DisposeAsync();

        var result = new ScenarioResult("kills", args);
        result.Figure("kills", kills, "SIGKILL");
        result.Figure("notifications", messages, "");
        result.Figure("acknowledged before retries", acknowledged.Count, "");
        result.Figure("refused while down (re-posted)", refused.Count, "");
        result.Figure("acknowledged lost", lost, "");
        result.Figure("not delivered at the end (any)", missing, "");
        result.Figure("duplicates seen by receivers", Arrivals.Duplicates(seen), "");
        result.Figure("duplicate delivery ids", stats.DuplicateWrites, "");
        result.Figure("restart to ready (median)", restarts.Order().ElementAtOrDefault(restarts.Count / 2), "ms");
        result.Note($"killed at: {string.Join("; ", killedAt)}");
        result.Goal("kills: 0 acknowledged notifications lost", lost == 0,
            $"{lost} of {acknowledged.Count} acknowledged notifications never reached a receiver; {Arrivals.Duplicates(seen)} duplicates (in flight at a kill)");
        result.Goal("kills: every notification delivered after SNS-style retries", missing == 0, $"{missing} of {messages} missing at the end");
        Workspace.Delete(work);
        return await result.WriteAsync();
    }
}
