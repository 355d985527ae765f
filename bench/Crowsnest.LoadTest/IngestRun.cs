using System.Globalization;
using Crowsnest.LoadTest.Harness;

namespace Crowsnest.LoadTest;

/// <summary>
/// Posts the same signed SNS notifications (unique message ids) to a bare Kestrel endpoint and then to
/// <c>crowsnest serve</c> (SQLite, durable group commit, signature verification from a pinned certificate),
/// each in its own process, with a second baseline in between (the bare endpoint that also parses the envelope and
/// verifies its signature, storing nothing), and reports throughput, p50/p99 latency, the server's CPU and peak RSS, and the ratio.
/// <c>run --host Crowsnest.Host.dll [--seconds 5] [--concurrency 64] [--messages 15000] [--out results.jsonl]</c>
/// </summary>
internal static class IngestRun
{
    public static async Task<int> RunAsync(Args args)
    {
        var (seconds, concurrency, messages) = (args.Double("--seconds", 5), args.Int("--concurrency", 64), args.Int("--messages", 15000));
        var warmup = args.Int("--warmup", 3000);
        var work = Workspace.Create("ingest");
        using var poster = new SnsPoster(work);
        Console.WriteLine($"ingest: signing {messages} notifications...");
        var bodies = poster.SignMany(messages + warmup, _ => "arn:aws:sns:us-east-1:123456789012:load", i => $"{{\"AlarmName\":\"load-{i}\",\"NewStateValue\":\"ALARM\"}}");

        var self = typeof(IngestRun).Assembly.Location;
        var barePort = FreePort.Next();
        await using var bareServer = ServerProcess.Start(self, null, ["bare", "--port", barePort.ToString(CultureInfo.InvariantCulture)], barePort);
        var bare = await MeasureAsync("bare Kestrel", bareServer, bodies, warmup, seconds, concurrency);
        await bareServer.DisposeAsync();
        var verifyPort = FreePort.Next();
        await using var verifyServer = ServerProcess.Start(self, null, ["bare", "--port", verifyPort.ToString(CultureInfo.InvariantCulture), "--verify", poster.PinnedDirectory], verifyPort);
        var verify = await MeasureAsync("bare Kestrel + signature check", verifyServer, bodies, warmup, seconds, concurrency);
        await verifyServer.DisposeAsync();
        var port = FreePort.Next();
        await using var crowsnestServer = ServerProcess.StartCrowsnest(args.HostDll, Path.Combine(work, "data"), port, null,
            "--sns-pinned-certificates", poster.PinnedDirectory);
        var crowsnest = await MeasureAsync("crowsnest /sns (SQLite)", crowsnestServer, bodies, warmup, seconds, concurrency);
        await crowsnestServer.DisposeAsync();

        var result = new ScenarioResult("ingest", args);
        foreach (var (key, r) in new[] { ("bare", bare), ("bare+verify", verify), ("crowsnest", crowsnest) })
        {
            result.Figure($"{key} req/s", r.Rate, "req/s");
            result.Figure($"{key} p50", r.P50, "ms");
            result.Figure($"{key} p99", r.P99, "ms");
            result.Figure($"{key} CPU", r.Cores, "cores");
            result.Figure($"{key} peak RSS", r.PeakRss, "MiB");
            result.Figure($"{key} non-200", r.Failures, "requests");
        }
        result.Figure("ratio crowsnest/bare req/s", crowsnest.Rate / bare.Rate, "×");
        result.Figure("ratio bare+verify/bare req/s", verify.Rate / bare.Rate, "×");
        result.Figure("ratio crowsnest/bare+verify req/s", crowsnest.Rate / verify.Rate, "×");
        result.Note(string.Create(CultureInfo.InvariantCulture, $"{messages} signed notifications max, {concurrency} clients, {seconds} s per endpoint; the load generator shares the machine"));
        result.Goal("the signature-checking baseline accepted every notification", verify.Failures == 0, $"{verify.Failures} of {verify.Requests} answers were not 200");
        result.Goal("every acknowledged ingest answered 200", crowsnest.Failures == 0, $"{crowsnest.Failures} of {crowsnest.Requests} answers were not 200");
        Workspace.Delete(work);
        return await result.WriteAsync();
    }

    private static async Task<Measured> MeasureAsync(string name, ServerProcess server, byte[][] bodies, int warmup, double seconds, int concurrency)
    {
        await server.WaitReadyAsync();
        // Warm-up (JIT, connection pool, SQLite page cache) with messages of its own, not measured.
        await SnsPoster.PostAsync(() => server.BaseUrl, bodies, [.. Enumerable.Range(0, warmup)], concurrency, 0, TimeSpan.FromSeconds(seconds), new PostOutcome(bodies.Length));
        var outcome = new PostOutcome(bodies.Length);
        var cpu = server.CpuSeconds();
        await SnsPoster.PostAsync(() => server.BaseUrl, bodies, [.. Enumerable.Range(warmup, bodies.Length - warmup)], concurrency, 0, TimeSpan.FromSeconds(seconds), outcome);
        var cores = (server.CpuSeconds() - cpu) / outcome.Elapsed.TotalSeconds;
        var done = outcome.Where(_ => true).Count(i => outcome.Started[i] != default);
        var failures = outcome.Where(s => s != 200).Count(i => outcome.Started[i] != default);
        var sorted = outcome.Where(_ => true).Where(i => outcome.Started[i] != default).Select(i => outcome.LatencyMs[i]).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {done} requests in {outcome.Elapsed.TotalSeconds:0.00} s"));
        return new Measured(done, failures, done / outcome.Elapsed.TotalSeconds, Percentiles.Of(sorted, 0.50), Percentiles.Of(sorted, 0.99), cores, server.PeakRssMiB());
    }

    private sealed record Measured(int Requests, int Failures, double Rate, double P50, double P99, double Cores, double PeakRss);
}
