using System.Globalization;
using Crowsnest.LoadTest.Harness;
using Crowsnest.TestKit.Webhooks;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// The store in trouble under a steady intake load: (1) PostgreSQL stopped, then started again; (2) SQLite on a small
/// tmpfs filled up by a filler file, which is then removed. Intake must answer 503 while the store cannot take a
/// notification (never 500, never a hang), recover by itself, and lose nothing it acknowledged.
/// <c>store --host dll [--postgres CONN --pg-stop CMD --pg-start CMD] [--messages 3000] [--rate 100]</c>
/// </summary>
internal static class StoreTroubleRun
{
    private const int Targets = 10;
    private const string Secret = "0123456789abcdef-bench-signing";

    public static async Task<int> RunAsync(Args args)
    {
        var result = new ScenarioResult("store", args);
        var (messages, rate) = (args.Int("--messages", 3000), args.Double("--rate", 100));
        if (args.Text("--postgres") is { Length: > 0 } server && args.Text("--pg-stop") is { } stop && args.Text("--pg-start") is { } start)
        {
            var connection = await PostgresScratch.CreateDatabaseAsync(server, "bench_store");
            await PhaseAsync(result, args, "database unavailable (PostgreSQL stopped, then started)", messages, rate,
                ["--store", "postgres", "--connection-string", connection], null,
                _ => PostgresScratch.ShellAsync(stop), () => PostgresScratch.ShellAsync(start));
        }
        else
        {
            result.NotAvailable("store: database unavailable → 503, recovers, loses nothing", "no PostgreSQL server to stop and start");
        }
        await DiskFullAsync(result, args, messages, rate);
        return await result.WriteAsync();
    }

    private static async Task DiskFullAsync(ScenarioResult result, Args args, int messages, double rate)
    {
        var work = Workspace.Create("disk");
        var disk = Path.Combine(work, "disk");
        Directory.CreateDirectory(disk);
        if (await PostgresScratch.ShellAsync($"mount -t tmpfs -o size=24m tmpfs '{disk}'") != 0)
        {
            result.NotAvailable("store: disk full → 503, recovers, loses nothing", "mounting a small tmpfs needs privileges this run does not have");
            Workspace.Delete(work);
            return;
        }
        try
        {
            var filler = Path.Combine(disk, "filler");
            await PhaseAsync(result, args, "disk full (SQLite on a 24 MiB tmpfs filled by a file, then the file removed)", messages, rate,
                ["--data-dir", Path.Combine(disk, "data")], disk,
                async _ =>
                {
                    // Leave about 256 KiB: a few hundred notifications fill it.
                    var free = new DriveInfo(disk).AvailableFreeSpace;
                    return await PostgresScratch.ShellAsync($"fallocate -l {Math.Max(0, free - (256 * 1024))} '{filler}' || dd if=/dev/zero of='{filler}' bs=64k count={Math.Max(0, (free / 65536) - 4)}");
                },
                () =>
                {
                    File.Delete(filler);
                    return Task.FromResult(0);
                });
        }
        finally
        {
            await PostgresScratch.ShellAsync($"umount -l '{disk}'");
            Workspace.Delete(work);
        }
    }

    /// <summary>Steady load; <paramref name="breakStore"/> a third of the way in, <paramref name="repair"/> two thirds in.</summary>
    private static async Task PhaseAsync(ScenarioResult result, Args args, string what, int messages, double rate, string[] storeArgs, string? dataDisk,
        Func<int, Task<int>> breakStore, Func<Task<int>> repair)
    {
        var key = dataDisk is null ? "database down" : "disk full";
        var work = Workspace.Create("store");
        using var poster = new SnsPoster(work);
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { MaxRecords = messages * 3 });
        string[] arguments = storeArgs.Contains("--data-dir") ? storeArgs : ["--data-dir", Path.Combine(work, "data"), .. storeArgs];
        var port = FreePort.Next();
        await using var server = ServerProcess.Start(args.HostDll, CrowsnestApi.Environment(), ["serve", "--listen", $"http://127.0.0.1:{port}",
            .. arguments, "--sns-pinned-certificates", poster.PinnedDirectory], port);
        await server.WaitReadyAsync();
        using (var api = new CrowsnestApi(server.BaseUrl))
        {
            await CrowsnestApi.ManyAsync(Targets, 4, t => api.CreateWebhookAsync($"hook{t}", receiver.CreateEndpoint(Secret), SnsPoster.Topic(t), Secret));
        }
        await Task.Delay(1500);
        var bodies = poster.SignMany(messages, i => SnsPoster.Topic(i % Targets), SnsPoster.Custom);
        var outcome = new PostOutcome(messages);
        var third = TimeSpan.FromSeconds(messages / rate / 3);
        var load = SnsPoster.PostAsync(() => server.BaseUrl, bodies, [.. Enumerable.Range(0, messages)], 16, rate, TimeSpan.FromMinutes(5), outcome);
        await Task.Delay(third);
        var brokeAt = DateTimeOffset.UtcNow;
        var broke = await breakStore(0);
        await Task.Delay(third);
        var repairedAt = DateTimeOffset.UtcNow;
        var repaired = await repair();
        await load;
        var during = outcome.Where(_ => true).Where(i => outcome.Started[i] >= brokeAt && outcome.Started[i] < repairedAt).ToList();
        var refusedDuring = during.Count(i => outcome.Status[i] == 503);
        var otherDuring = during.Count(i => outcome.Status[i] is not (200 or 503));
        var after = outcome.Where(s => s == 200).Where(i => outcome.Started[i] >= repairedAt).Select(i => outcome.Started[i]).DefaultIfEmpty().Min();
        var recovered = after != default ? (after - repairedAt).TotalSeconds : double.NaN;
        var unexpected = outcome.Where(s => s is not (200 or 503)).Count();
        // SNS redelivers what was refused; then every acknowledged notification must arrive.
        var refused = outcome.Where(s => s != 200).ToList();
        var retry = new PostOutcome(messages);
        await SnsPoster.PostAsync(() => server.BaseUrl, bodies, refused, 8, 0, TimeSpan.FromMinutes(2), retry);
        var acknowledged = outcome.Where(s => s == 200).ToList();
        var seen = await Arrivals.WaitAsync(receiver.Received, [.. Enumerable.Range(0, messages)], TimeSpan.FromSeconds(90 + (messages / 50)), () => server.HasExited);
        var lost = acknowledged.Count(i => !seen.ContainsKey(i));
        var missing = messages - seen.Count;

        result.Figure($"{key}: requests while broken", during.Count, "");
        result.Figure($"{key}: answered 503 while broken", refusedDuring, "");
        result.Figure($"{key}: other non-200 answers (500, no answer)", unexpected, "");
        result.Figure($"{key}: first 200 after the repair", recovered, "s");
        result.Figure($"{key}: acknowledged lost", lost, "");
        result.Figure($"{key}: not delivered at the end", missing, "");
        result.Note(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {messages} notifications at {rate}/s; broken {third.TotalSeconds:0.0}–{2 * third.TotalSeconds:0.0} s (break command exit {broke}, repair exit {repaired}); server {(server.HasExited ? "EXITED" : "kept running")}"));
        result.Goal($"store, {key}: intake answers 503", refusedDuring > 0 && otherDuring == 0,
            $"{refusedDuring} × 503 and {otherDuring} other non-200 answers among {during.Count} requests while broken");
        result.Goal($"store, {key}: recovers by itself", !server.HasExited && after != default,
            server.HasExited ? "the server exited" : after == default ? "no 200 after the repair" : string.Create(CultureInfo.InvariantCulture, $"first 200 {recovered:0.0} s after the repair, no restart"));
        result.Goal($"store, {key}: loses nothing", lost == 0 && missing == 0, $"{lost} acknowledged lost; {missing} of {messages} not delivered after SNS-style redelivery");
        Workspace.Delete(work);
    }
}
