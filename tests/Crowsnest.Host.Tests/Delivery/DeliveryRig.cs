using Crowsnest.Storage;
using Crowsnest.TestKit.Chime;
using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Recording;
using Crowsnest.TestKit.Slack;
using Crowsnest.TestKit.Teams;
using Crowsnest.TestKit.Webhooks;
using static Crowsnest.Testing.TestConfigurations;

namespace Crowsnest.Host.Tests.Delivery;

/// <summary>Every platform emulator on loopback, and one configuration per kind of target pointing at them.</summary>
internal sealed class DeliveryRig : IAsyncDisposable
{
    public const string SigningSecret = "0123456789abcdef-signing";

    private DeliveryRig(SlackEmulator slack, TeamsEmulator teams, ChimeEmulator chime, WebhookReceiver webhook)
    {
        Slack = slack;
        Teams = teams;
        Chime = chime;
        Webhook = webhook;
    }

    public SlackEmulator Slack { get; }

    public TeamsEmulator Teams { get; }

    public ChimeEmulator Chime { get; }

    public WebhookReceiver Webhook { get; }

    public IEnumerable<ReceiptLog> Receivers => [Slack.Received, Teams.Received, Chime.Received, Webhook.Received];

    public static async Task<DeliveryRig> StartAsync() =>
        new(await SlackEmulator.StartAsync(), await TeamsEmulator.StartAsync(), await ChimeEmulator.StartAsync(), await WebhookReceiver.StartAsync());

    /// <summary>The host settings that point the adapters at the emulators.</summary>
    public Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:SlackApiUrl"] = Slack.ApiUrl.ToString(),
            ["Delivery:ChimeBaseUrl"] = Chime.BaseUrl.ToString(),
            ["Delivery:PollInterval"] = "00:00:00.050",
        };
        foreach (var (k, v) in more ?? [])
        {
            settings[k] = v;
        }
        return settings;
    }

    /// <summary>One configuration per target kind on <see cref="Topic"/>, plus the Slack workspace.</summary>
    public async Task ConfigureAsync(IStore store)
    {
        var chimeUrl = Chime.CreateWebhook();
        ResourceRecord[] records =
        [
            SlackWorkspace(Slack.Options.Workspace.TeamId, Slack.BotToken),
            Slack("slack-api", Slack.Options.Workspace.TeamId, "C01ALERTS"),
            SlackWebhook("slack-hook", Slack.CreateIncomingWebhook("C01ALERTS").ToString()),
            Teams("teams", Teams.CreateWebhook().ToString()),
            Chime("chime", "https://hooks.chime.aws" + chimeUrl.PathAndQuery),
            Webhook("webhook", Webhook.CreateEndpoint(SigningSecret).ToString(), SigningSecret),
            Console("console", "inbox"),
        ];
        foreach (var record in records)
        {
            Assert.Equal(ResourceWriteResult.Ok, await store.Resources.CreateAsync(record, CancellationToken.None));
        }
    }

    public void InjectFaults(double errorRate, TimeSpan outage)
    {
        foreach (var faults in new FaultInjector[] { Slack.Faults, Teams.Faults, Chime.Faults, Webhook.Faults })
        {
            faults.Set(new FaultSettings { ErrorRate = errorRate }, seed: 42);
            faults.AddOutage(outage, TimeSpan.FromSeconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Teams.DisposeAsync();
        await Chime.DisposeAsync();
        await Webhook.DisposeAsync();
    }
}

/// <summary>Polls a condition until it holds or a deadline passes (no sleeps standing in for waiting).</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{what} did not happen within {deadline}; last value: {(value is System.Collections.IEnumerable e ? string.Join("; ", e.Cast<object>()) : value)}");
            }
            await Task.Delay(50);
        }
    }

    public static async Task<long> CountAsync(IStore store, DeliveryState state) =>
        (await store.Outbox.CountByStateAsync(CancellationToken.None)).Where(c => c.State == state).Sum(c => c.Count);
}
