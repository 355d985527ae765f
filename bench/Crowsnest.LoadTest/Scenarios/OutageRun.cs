using System.Globalization;
using Crowsnest.LoadTest.Harness;
using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Slack;
using Crowsnest.TestKit.Webhooks;

namespace Crowsnest.LoadTest.Scenarios;

/// <summary>
/// The Slack emulator and a webhook receiver fail 30 % of calls (500/502/503, the test kit's fault injection) and go
/// down completely for <c>--outage</c> seconds early in the run; every acknowledged notification must arrive
/// afterwards, none lost. <c>outages --host dll [--messages 3000] [--rate 100] [--outage 30] [--error-rate 0.3]</c>
/// </summary>
internal static class OutageRun
{
    private const int Channels = 10;
    private const string Secret = "0123456789abcdef-bench-signing";

    public static async Task<int> RunAsync(Args args)
    {
        var (messages, rate, outage, errorRate) = (args.Int("--messages", 3000), args.Double("--rate", 100), args.Double("--outage", 30), args.Double("--error-rate", 0.3));
        var work = Workspace.Create("outages");
        using var poster = new SnsPoster(work);
        await using var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions
        {
            AnyChannel = true,
            MaxRecords = messages * 4,
            Limits = new SlackLimits { WorkspacePostsPerSecond = 100_000, WorkspacePostsBurst = 100_000, TierMultiplier = 100 },
        });
        await using var webhooks = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { MaxRecords = messages * 4 });
        var environment = CrowsnestApi.Environment(new Dictionary<string, string> { ["CROWSNEST_DELIVERY__SLACKAPIURL"] = slack.ApiUrl.ToString() });
        await using var server = ServerProcess.StartCrowsnest(args.HostDll, Path.Combine(work, "data"), FreePort.Next(), environment,
            "--sns-pinned-certificates", poster.PinnedDirectory);
        await server.WaitReadyAsync();
        using (var api = new CrowsnestApi(server.BaseUrl))
        {
            await api.RegisterSlackWorkspaceAsync(slack.Options.Workspace.TeamId, slack.BotToken);
            // Topics 0..9 go to Slack channels, 10..19 to webhooks.
            await CrowsnestApi.ManyAsync(Channels, 4, c => api.CreateSlackChannelAsync($"slack-{c}", slack.Options.Workspace.TeamId, SlackRig.Channel(c), SnsPoster.Topic(c)));
            await CrowsnestApi.ManyAsync(Channels, 4, c => api.CreateWebhookAsync($"hook-{c}", webhooks.CreateEndpoint(Secret), SnsPoster.Topic(Channels + c), Secret));
        }
        await Task.Delay(1500);
        Console.WriteLine($"outages: signing {messages} notifications...");
        var bodies = poster.SignMany(messages, i => SnsPoster.Topic(i % (2 * Channels)), SnsPoster.Custom);
        foreach (var faults in new[] { slack.Faults, webhooks.Faults })
        {
            faults.Set(new FaultSettings { ErrorRate = errorRate }, seed: 42);
            faults.AddOutage(TimeSpan.FromSeconds(outage), TimeSpan.FromSeconds(2));
        }
        var outcome = new PostOutcome(messages);
        await SnsPoster.PostAsync(() => server.BaseUrl, bodies, [.. Enumerable.Range(0, messages)], 16, rate, TimeSpan.FromMinutes(5), outcome);
        var acknowledged = outcome.Where(s => s == 200).ToList();
        var bySlack = acknowledged.Where(i => i % (2 * Channels) < Channels).ToList();
        var byHook = acknowledged.Where(i => i % (2 * Channels) >= Channels).ToList();
        var deadline = TimeSpan.FromSeconds(240);
        var seenSlack = await Arrivals.WaitAsync(slack.Received, bySlack, deadline, () => server.HasExited);
        var seenHook = await Arrivals.WaitAsync(webhooks.Received, byHook, TimeSpan.FromSeconds(30), () => server.HasExited);
        var lost = bySlack.Count(i => !seenSlack.ContainsKey(i)) + byHook.Count(i => !seenHook.ContainsKey(i));
        var injected = slack.Faults.Counts.Values.Sum() + webhooks.Faults.Counts.Values.Sum();

        var result = new ScenarioResult("outages", args);
        result.Figure("notifications acknowledged", acknowledged.Count, "");
        result.Figure("faults injected (5xx + outage 503)", injected, "answers");
        result.Figure("delivered (distinct)", seenSlack.Count + seenHook.Count, "");
        result.Figure("lost", lost, "");
        result.Figure("duplicates seen by receivers", Arrivals.Duplicates(seenSlack) + Arrivals.Duplicates(seenHook), "");
        result.Figure("last delivery after the outage ended", (new[] { seenSlack, seenHook }.SelectMany(s => s.Values).Select(a => a.First).DefaultIfEmpty().Max()
            - (outcome.Started.Where(s => s != default).Min() + TimeSpan.FromSeconds(2 + outage))).TotalSeconds, "s");
        result.Note(string.Create(CultureInfo.InvariantCulture,
            $"{messages} notifications at {rate}/s to {Channels} Slack channels and {Channels} signed webhooks; both emulators answer {errorRate:P0} of calls with 500/502/503 and everything with 503 for {outage} s from 2 s after the load starts (seeded dice)"));
        result.Goal("outages: all delivered after the outage, none lost", lost == 0 && acknowledged.Count == messages,
            $"{lost} of {acknowledged.Count} acknowledged not delivered within {deadline.TotalSeconds:0} s; {messages - acknowledged.Count} not acknowledged");
        Workspace.Delete(work);
        return await result.WriteAsync();
    }
}
