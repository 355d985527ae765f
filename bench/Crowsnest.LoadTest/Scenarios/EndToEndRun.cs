using System.Globalization;
using Crowsnest.LoadTest.Harness;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// SNS POST → Slack emulator receipt across many channels (one configuration and topic per channel, notifications
/// spread round-robin), through the real process on SQLite: throughput and p50/p99 from the POST to the emulator's
/// receipt of the message, after an unmeasured warm-up (four seconds) at the same rate. <c>e2e --host dll [--channels 1000] [--messages 10000] [--rate 1000]
/// [--concurrency 64] [--warmup min(4 × rate, messages)]</c>
/// </summary>
internal static class EndToEndRun
{
    public static async Task<int> RunAsync(Args args)
    {
        var (channels, messages, rate, concurrency) = (args.Int("--channels", 1000), args.Int("--messages", 10_000), args.Double("--rate", 1000), args.Int("--concurrency", 64));
        // Four seconds at the offered rate: long enough for tiered JIT to settle (a long-running service's steady state).
        var warmup = args.Int("--warmup", (int)Math.Min(4 * rate, messages));
        var work = Workspace.Create("e2e");
        using var poster = new SnsPoster(work);
        await using var rig = await SlackRig.StartAsync(args, work, poster, channels, (warmup + messages) * 2);
        Console.WriteLine($"e2e: signing {warmup} warm-up and {messages} measured notifications...");
        // Indexes below `warmup` warm the process up (JIT, connections, one post per channel) and are not measured; the
        // receiver saw them too, so arrivals are counted from `warmup` on.
        var bodies = poster.SignMany(warmup + messages, i => SnsPoster.Topic(i % channels), SnsPoster.Custom);
        var warmupOutcome = new PostOutcome(warmup + messages);
        await SnsPoster.PostAsync(() => rig.Server.BaseUrl, bodies, [.. Enumerable.Range(0, warmup)], concurrency, rate, TimeSpan.FromMinutes(2), warmupOutcome);
        await Arrivals.WaitAsync(rig.Slack.Received, [.. warmupOutcome.Where(s => s == 200)], TimeSpan.FromSeconds(60));
        var outcome = new PostOutcome(warmup + messages);
        var cpu = rig.Server.CpuSeconds();
        await SnsPoster.PostAsync(() => rig.Server.BaseUrl, bodies, [.. Enumerable.Range(warmup, messages)], concurrency, rate, TimeSpan.FromMinutes(5), outcome);
        var acknowledged = outcome.Where(s => s == 200).ToList();
        var seen = (await Arrivals.WaitAsync(rig.Slack.Received, acknowledged, TimeSpan.FromSeconds(60 + (messages / 50))))
            .Where(kv => kv.Key >= warmup).ToDictionary();
        var cores = (rig.Server.CpuSeconds() - cpu) / (seen.Count == 0 ? 1 : (seen.Values.Max(s => s.First) - outcome.Started.Where(s => s != default).Min()).TotalSeconds);
        var latencies = acknowledged.Where(seen.ContainsKey).Select(i => (seen[i].First - outcome.Started[i]).TotalMilliseconds).Order().ToArray();
        var span = seen.Count == 0 ? TimeSpan.Zero : seen.Values.Max(s => s.First) - outcome.Started.Where(s => s != default).Min();
        var stats = rig.Slack.Received.Stats();

        var result = new ScenarioResult("e2e", args);
        result.Figure("offered rate", rate, "notifications/s");
        result.Figure("acknowledged", acknowledged.Count, "");
        result.Figure("visible in Slack", seen.Count, "");
        result.Figure("throughput (first POST → last receipt)", seen.Count / Math.Max(span.TotalSeconds, 0.001), "notifications/s");
        result.Figure("p50 SNS POST → Slack receipt", Percentiles.Of(latencies, 0.50), "ms");
        result.Figure("p99 SNS POST → Slack receipt", Percentiles.Of(latencies, 0.99), "ms");
        result.Figure("Slack posts accepted", stats.AcceptedWrites, "");
        result.Figure("Slack 429 answers", stats.ByStatus.GetValueOrDefault("429"), "");
        result.Figure("server CPU", cores, "cores");
        result.Figure("server peak RSS", rig.Server.PeakRssMiB(), "MiB");
        result.Note($"intake answers: {outcome.Answers()}");
        result.Note(string.Create(CultureInfo.InvariantCulture,
            $"{messages} custom notifications over {channels} channels (topic i mod {channels}), offered at {rate}/s by {concurrency} clients, after {warmup} unmeasured warm-up notifications at the same rate; SQLite; latency = Slack emulator receipt − start of the SNS POST"));
        result.Goal("e2e: every acknowledged notification visible in Slack", acknowledged.All(seen.ContainsKey),
            $"{acknowledged.Count(i => !seen.ContainsKey(i))} of {acknowledged.Count} acknowledged notifications not visible within the deadline");
        Workspace.Delete(work);
        return await result.WriteAsync();
    }
}
