using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.LoadTest.Harness;
using Crowsnest.TestKit.Webhooks;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// Side by side, in the same run: Prometheus Alertmanager (clustering off, fresh storage, group_wait 0s,
/// group_by ['...'] so every alert is its own notification) fed N alerts through API v2 in batches of 50, with a
/// webhook receiver; then Crowsnest (SQLite, durable) fed the same N events as signed SNS notifications, delivered to
/// generic webhook targets, once with Crowsnest's courtesy limit per webhook target and once with it off (Alertmanager
/// has none). All deliver to an equal sink (the test kit's webhook receiver, listen backlog 4096).
/// Delivered notifications per second and p99 delivery latency, and the ratios. Goal: Crowsnest ≥ 5× Alertmanager.
/// <c>peer --host dll --alertmanager /usr/bin/prometheus-alertmanager [--alerts 5000] [--targets 100]</c>
/// </summary>
internal static class PeerRun
{
    public static async Task<int> RunAsync(Args args)
    {
        var result = new ScenarioResult("peer", args);
        var (alerts, targets) = (args.Int("--alerts", 5000), args.Int("--targets", 100));
        if (args.Text("--alertmanager") is not { Length: > 0 } binary || !File.Exists(binary))
        {
            result.NotAvailable("peer: Crowsnest ≥ 5× Alertmanager's delivered rate", "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager failed)");
            return await result.WriteAsync();
        }
        var work = Workspace.Create("peer");
        var am = await AlertmanagerAsync(binary, work, alerts);
        var cn = await CrowsnestAsync(args, work, alerts, targets, webhookLimit: true);
        var open = await CrowsnestAsync(args, work, alerts, targets, webhookLimit: false);
        foreach (var (name, m) in new[] { ("Alertmanager", am), ("Crowsnest", cn), ("Crowsnest, webhook limit off", open) })
        {
            result.Figure($"{name} delivered", m.Delivered, "notifications");
            result.Figure($"{name} delivered rate", m.Rate, "notifications/s");
            result.Figure($"{name} p50 delivery latency", m.P50, "ms");
            result.Figure($"{name} p99 delivery latency", m.P99, "ms");
            result.Figure($"{name} CPU", m.Cores, "cores");
            result.Figure($"{name} peak RSS", m.PeakRss, "MiB");
        }
        var ratio = cn.Rate / am.Rate;
        var openRatio = open.Rate / am.Rate;
        result.Figure("ratio delivered rate Crowsnest/Alertmanager", ratio, "×");
        result.Figure("ratio p99 latency Crowsnest/Alertmanager", cn.P99 / am.P99, "×");
        result.Figure("ratio delivered rate Crowsnest (webhook limit off)/Alertmanager", openRatio, "×");
        result.Figure("ratio p99 latency Crowsnest (webhook limit off)/Alertmanager", open.P99 / am.P99, "×");
        result.Note(string.Create(CultureInfo.InvariantCulture,
            $"{alerts} events each. Alertmanager {am.Version}: API v2 in batches of 50 (4 clients), group_by ['...'], group_wait 0s, one webhook receiver, alerts in memory only. Crowsnest: signed SNS notifications (64 clients) → SQLite → {targets} generic webhook targets on the same sink (Crowsnest's courtesy limit is 20/s per webhook target), digests off so each event is one notification; then the same with that limit off (Delivery:RateLimits:Webhook:PerSecond=0), as Alertmanager has none. Latency = sink receipt − start of the request that carried the event"));
        result.Goal("peer: Crowsnest ≥ 5× Alertmanager's delivered rate", Math.Max(ratio, openRatio) >= 5 && cn.Delivered == alerts && open.Delivered == alerts,
            string.Create(CultureInfo.InvariantCulture, $"{cn.Rate:0} (webhook limit off: {open.Rate:0}) vs {am.Rate:0} notifications/s = {ratio:0.00}× ({openRatio:0.00}×); delivered {cn.Delivered}, {open.Delivered} and {am.Delivered} of {alerts}"));
        Workspace.Delete(work);
        return await result.WriteAsync();
    }

    private static async Task<Measured> AlertmanagerAsync(string binary, string work, int alerts)
    {
        await using var sink = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { AcceptAnyPath = true, MaxRecords = alerts * 2 });
        var port = FreePort.Next();
        var config = Path.Combine(work, "alertmanager.yml");
        await File.WriteAllTextAsync(config, $"""
            route:
              receiver: sink
              group_by: ['...']
              group_wait: 0s
              group_interval: 1m
              repeat_interval: 24h
            receivers:
              - name: sink
                webhook_configs:
                  - url: {new Uri(sink.BaseUrl, "hooks/alertmanager")}
                    send_resolved: false
            """);
        var version = await VersionAsync(binary);
        await using var server = ServerProcess.StartExecutable(binary, [$"--config.file={config}", $"--storage.path={Path.Combine(work, "am-data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn"], null, port);
        await server.WaitReadyAsync("/-/ready");
        var started = new DateTimeOffset[alerts];
        var batches = Enumerable.Range(0, (alerts + 49) / 50).ToList();
        var cpu = server.CpuSeconds();
        var next = -1;
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches.Count)
            {
                var batch = new JsonArray();
                var now = DateTimeOffset.UtcNow;
                for (var i = b * 50; i < Math.Min(alerts, (b + 1) * 50); i++)
                {
                    started[i] = now;
                    batch.Add(new JsonObject
                    {
                        ["labels"] = new JsonObject { ["alertname"] = "BenchAlert", ["event"] = Markers.Of(i), ["severity"] = "warning" },
                        ["annotations"] = new JsonObject { ["summary"] = $"Event {Markers.Of(i)}", ["description"] = "bench notification" },
                        ["startsAt"] = now.ToString("O", CultureInfo.InvariantCulture),
                        ["endsAt"] = now.AddHours(1).ToString("O", CultureInfo.InvariantCulture),
                    });
                }
                using var answer = await http.PostAsync(new Uri("api/v2/alerts", UriKind.Relative), new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"));
                answer.EnsureSuccessStatusCode();
            }
        })));
        Console.WriteLine($"alertmanager: {alerts} alerts posted in {clock.Elapsed.TotalSeconds:0.0} s");
        var seen = await Arrivals.WaitAsync(sink.Received, [.. Enumerable.Range(0, alerts)], TimeSpan.FromSeconds(120), () => server.HasExited);
        return Measure(seen, started, alerts, server, cpu, version);
    }

    private static async Task<Measured> CrowsnestAsync(Args args, string work, int alerts, int targets, bool webhookLimit)
    {
        await using var sink = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { AcceptAnyPath = true, MaxRecords = alerts * 2 });
        using var poster = new SnsPoster(work);
        var settings = new Dictionary<string, string> { ["CROWSNEST_DELIVERY__DIGESTS"] = "false" };
        if (!webhookLimit)
        {
            settings["CROWSNEST_DELIVERY__RATELIMITS__WEBHOOK__PERSECOND"] = "0";
        }

        var environment = CrowsnestApi.Environment(settings);
        await using var server = ServerProcess.StartCrowsnest(args.HostDll, Path.Combine(work, webhookLimit ? "cn-data" : "cn-open-data"), FreePort.Next(), environment,
            "--sns-pinned-certificates", poster.PinnedDirectory);
        await server.WaitReadyAsync();
        using (var api = new CrowsnestApi(server.BaseUrl))
        {
            await CrowsnestApi.ManyAsync(targets, 8, t => api.CreateWebhookAsync($"sink{t}", new Uri(sink.BaseUrl, $"hooks/crowsnest-{t}"), SnsPoster.Topic(t)));
        }
        await Task.Delay(2000);
        var bodies = poster.SignMany(alerts, i => SnsPoster.Topic(i % targets), SnsPoster.Custom);
        var outcome = new PostOutcome(alerts);
        var cpu = server.CpuSeconds();
        await SnsPoster.PostAsync(() => server.BaseUrl, bodies, [.. Enumerable.Range(0, alerts)], 64, 0, TimeSpan.FromMinutes(3), outcome);
        Console.WriteLine($"crowsnest: {outcome.Count(200)} of {alerts} notifications acknowledged in {outcome.Elapsed.TotalSeconds:0.0} s");
        var seen = await Arrivals.WaitAsync(sink.Received, [.. Enumerable.Range(0, alerts)], TimeSpan.FromSeconds(120), () => server.HasExited);
        return Measure(seen, outcome.Started, alerts, server, cpu, "");
    }

    private static Measured Measure(Dictionary<int, Arrival> seen, DateTimeOffset[] started, int alerts, ServerProcess server, double cpu, string version)
    {
        var delivered = Enumerable.Range(0, alerts).Where(seen.ContainsKey).ToList();
        var latencies = delivered.Select(i => (seen[i].First - started[i]).TotalMilliseconds).Order().ToArray();
        var first = started.Where(s => s != default).DefaultIfEmpty().Min();
        var span = delivered.Count == 0 ? 1 : (delivered.Max(i => seen[i].First) - first).TotalSeconds;
        return new Measured(delivered.Count, delivered.Count / span, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99),
            (server.CpuSeconds() - cpu) / span, server.PeakRssMiB(), version);
    }

    private static async Task<string> VersionAsync(string binary)
    {
        using var process = Process.Start(new ProcessStartInfo(binary, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Split('\n').FirstOrDefault()?.Replace("alertmanager, version ", "", StringComparison.Ordinal).Split(' ')[0] ?? "?";
    }

    private sealed record Measured(int Delivered, double Rate, double P50, double P99, double Cores, double PeakRss, string Version);
}
