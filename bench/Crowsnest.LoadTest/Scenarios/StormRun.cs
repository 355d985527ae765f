using Crowsnest.LoadTest.Harness;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// A storm: GuardDuty findings to one Slack channel at an even pace (5,000 in 60 s by default) through the real
/// process. Every finding must be visible in the channel (in digests), and every Slack call within the emulator's
/// rate limits, which it enforces (429s counted). <c>storm --host dll [--findings 5000] [--seconds 60]</c>
/// </summary>
internal static class StormRun
{
    public static async Task<int> RunAsync(Args args)
    {
        var (findings, seconds) = (args.Int("--findings", 5000), args.Double("--seconds", 60));
        var work = Workspace.Create("storm");
        using var poster = new SnsPoster(work);
        await using var rig = await SlackRig.StartAsync(args, work, poster, 1, findings * 2);
        Console.WriteLine($"storm: signing {findings} GuardDuty findings...");
        var bodies = poster.SignMany(findings, _ => SnsPoster.Topic(0), SnsPoster.GuardDuty);
        var outcome = new PostOutcome(findings);
        var start = DateTimeOffset.UtcNow;
        await SnsPoster.PostAsync(() => rig.Server.BaseUrl, bodies, [.. Enumerable.Range(0, findings)], 16, findings / seconds, TimeSpan.FromSeconds(seconds * 3), outcome);
        var acknowledged = outcome.Where(s => s == 200).ToList();
        var seen = await Arrivals.WaitAsync(rig.Slack.Received, acknowledged, TimeSpan.FromSeconds(120));
        var stats = rig.Slack.Received.Stats();
        var latencies = acknowledged.Where(seen.ContainsKey).Select(i => (seen[i].First - outcome.Started[i]).TotalMilliseconds).Order().ToArray();
        var tooMany = stats.ByStatus.GetValueOrDefault("429");

        var result = new ScenarioResult("storm", args);
        result.Figure("findings acknowledged", acknowledged.Count, "");
        result.Figure("findings visible in the channel", acknowledged.Count(seen.ContainsKey), "");
        result.Figure("sending took", outcome.Elapsed.TotalSeconds, "s");
        result.Figure("last finding visible after start", seen.Count == 0 ? double.NaN : (seen.Values.Max(s => s.First) - start).TotalSeconds, "s");
        result.Figure("p50 POST → visible", Percentiles.Of(latencies, 0.50), "ms");
        result.Figure("p99 POST → visible", Percentiles.Of(latencies, 0.99), "ms");
        result.Figure("Slack calls", stats.Total, "");
        result.Figure("Slack messages posted", stats.AcceptedWrites, "");
        result.Figure("Slack 429 answers", tooMany, "");
        result.Note($"intake answers: {outcome.Answers()}");
        result.Note(string.Join(", ", stats.ByOperation.Select(o => $"{o.Key}: {o.Value}")));
        result.Goal("storm: every finding visible", acknowledged.Count == findings && acknowledged.All(seen.ContainsKey),
            $"{acknowledged.Count(seen.ContainsKey)} of {findings} findings visible ({findings - acknowledged.Count} not acknowledged) in {stats.AcceptedWrites} Slack messages");
        result.Goal("storm: Slack calls within the rate limit", tooMany == 0, $"the emulator answered {tooMany} × 429 to {stats.Total} calls");
        Workspace.Delete(work);
        return await result.WriteAsync();
    }
}
