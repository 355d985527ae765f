using Crowsnest.LoadTest.Harness;
using Crowsnest.TestKit.Webhooks;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// Two instances on one PostgreSQL database take intake and delivery together; one is killed (SIGKILL) half-way
/// through the load, the rest goes to the survivor. The survivor must deliver everything acknowledged, and nothing
/// may be sent twice from the outbox: the only duplicates allowed are sends the killed instance had in flight (first
/// arrival before the kill, the repeat after it). <c>two-instances --host dll --postgres CONN [--messages 10000] [--rate 500]</c>
/// </summary>
internal static class TwoInstanceRun
{
    private const int Targets = 50;
    private const string Secret = "0123456789abcdef-bench-signing";

    public static async Task<int> RunAsync(Args args)
    {
        var result = new ScenarioResult("two-instances", args);
        if (args.Text("--postgres") is not { Length: > 0 } server)
        {
            result.NotAvailable("two instances: survivor completes, nothing sent twice", "no PostgreSQL server (bench/run-all could not install or start one)");
            return await result.WriteAsync();
        }
        var (messages, rate) = (args.Int("--messages", 10_000), args.Double("--rate", 500));
        var work = Workspace.Create("two");
        using var poster = new SnsPoster(work);
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { MaxRecords = messages * 3 });
        var connection = await PostgresScratch.CreateDatabaseAsync(server, "bench_two");
        var environment = CrowsnestApi.Environment(new Dictionary<string, string>
        {
            ["CROWSNEST_SECRETS__KEYSTORE"] = "database",
            ["CROWSNEST_DELIVERY__DIGESTS"] = "false",
            ["CROWSNEST_DELIVERY__LEASE"] = "00:00:15",
            ["CROWSNEST_DELIVERY__SENDTIMEOUT"] = "00:00:05",
        });
        ServerProcess Start(string name) => ServerProcess.StartCrowsnest(args.HostDll, Path.Combine(work, name), FreePort.Next(), environment,
            "--store", "postgres", "--connection-string", connection, "--sns-pinned-certificates", poster.PinnedDirectory);
        await using var survivor = Start("a");
        await survivor.WaitReadyAsync();
        await using var victim = Start("b");
        await victim.WaitReadyAsync();
        using (var api = new CrowsnestApi(survivor.BaseUrl))
        {
            await CrowsnestApi.ManyAsync(Targets, 4, t => api.CreateWebhookAsync($"hook{t}", receiver.CreateEndpoint(Secret), SnsPoster.Topic(t), Secret));
        }
        await Task.Delay(2000);
        Console.WriteLine($"two-instances: signing {messages} notifications...");
        var bodies = poster.SignMany(messages, i => SnsPoster.Topic(i % Targets), SnsPoster.Custom);
        var outcome = new PostOutcome(messages);
        var turn = 0;
        // Alternate between the instances while both live; after the kill, the survivor takes everything.
        Uri Next() => !victim.HasExited && (Interlocked.Increment(ref turn) & 1) == 1 ? victim.BaseUrl : survivor.BaseUrl;
        var load = SnsPoster.PostAsync(Next, bodies, [.. Enumerable.Range(0, messages)], 32, rate, TimeSpan.FromMinutes(5), outcome);
        await Task.Delay(TimeSpan.FromSeconds(messages / rate / 2));
        var deliveredAtKill = receiver.Received.Stats().AcceptedWrites;
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        await load;
        var refused = outcome.Where(s => s != 200).ToList();
        // SNS would redeliver what the killed instance did not acknowledge; the survivor takes it.
        await SnsPoster.PostAsync(() => survivor.BaseUrl, bodies, refused, 16, 0, TimeSpan.FromMinutes(2), new PostOutcome(messages));
        var seen = await Arrivals.WaitAsync(receiver.Received, [.. Enumerable.Range(0, messages)], TimeSpan.FromSeconds(120 + (messages / 100)), () => survivor.HasExited);
        var acknowledged = outcome.Where(s => s == 200).ToList();
        var lost = acknowledged.Count(i => !seen.ContainsKey(i));
        var missing = messages - seen.Count;
        var duplicates = seen.Values.Where(a => a.Count > 1).ToList();
        var inFlight = duplicates.Count(a => a.First <= killedAt + TimeSpan.FromSeconds(1) && a.Last >= killedAt);
        var outboxTwice = duplicates.Count - inFlight;

        result.Figure("notifications", messages, "");
        result.Figure("acknowledged (first pass)", acknowledged.Count, "");
        result.Figure("delivered before the kill", deliveredAtKill, "");
        result.Figure("acknowledged lost", lost, "");
        result.Figure("not delivered at the end", missing, "");
        result.Figure("duplicates: in flight at the kill", inFlight, "");
        result.Figure("duplicates: sent twice from the outbox", outboxTwice, "");
        result.Figure("duplicate delivery ids (receiver)", receiver.Received.Stats().DuplicateWrites, "");
        result.Goal("two instances: the survivor completes", !survivor.HasExited && missing == 0 && lost == 0,
            $"{messages - missing} of {messages} delivered, {lost} acknowledged lost{(survivor.HasExited ? "; the survivor exited" : "")}");
        result.Goal("two instances: nothing sent twice from the outbox", outboxTwice == 0,
            $"{outboxTwice} notifications arrived twice outside the kill window; {inFlight} repeats of sends in flight at the kill");
        Workspace.Delete(work);
        return await result.WriteAsync();
    }
}
