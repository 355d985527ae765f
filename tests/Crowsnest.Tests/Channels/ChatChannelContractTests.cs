using Crowsnest.Channels.Chime;
using Crowsnest.Channels.Slack;
using Crowsnest.Channels.Teams;
using Crowsnest.Channels.Webhook;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Deliver;
using Crowsnest.TestKit.Chime;
using Crowsnest.TestKit.Hosting;
using Crowsnest.TestKit.Slack;
using Crowsnest.TestKit.Teams;
using Crowsnest.TestKit.Webhooks;

namespace Crowsnest.Tests.Channels;

public sealed class SlackApiChannelContractTests : ChatChannelContract
{
    private string _token = "";

    protected override async Task<(EmulatorHost, IChatChannel, ChatTarget)> StartAsync(HttpClient http)
    {
        var slack = await SlackEmulator.StartAsync();
        _token = slack.BotToken;
        var channel = new SlackApiChannel(http, team => team == slack.Options.Workspace.TeamId ? slack.BotToken : null, TimeProvider.System, slack.ApiUrl);
        return (slack.Host, channel, new SlackChannelTarget(slack.Options.Workspace.TeamId, "C01ALERTS", "alerts"));
    }

    protected override ChatTarget UnknownTarget() => new SlackChannelTarget("T01CROWS", "C09UNKNOWN", null);

    protected override string EchoedSecret() => _token;
}

public sealed class SlackWebhookChannelContractTests : ChatChannelContract
{
    private SlackEmulator _slack = null!;

    protected override async Task<(EmulatorHost, IChatChannel, ChatTarget)> StartAsync(HttpClient http)
    {
        _slack = await SlackEmulator.StartAsync();
        return (_slack.Host, new SlackWebhookChannel(http, TimeProvider.System), new SlackWebhookTarget("arn:slack-webhook", _slack.CreateIncomingWebhook("C01ALERTS").ToString()));
    }

    protected override ChatTarget UnknownTarget() => new SlackWebhookTarget("arn:gone", new Uri(_slack.BaseUrl, "services/T01CROWS/B000/nope").ToString());
}

public sealed class TeamsChannelContractTests : ChatChannelContract
{
    private TeamsEmulator _teams = null!;

    protected override async Task<(EmulatorHost, IChatChannel, ChatTarget)> StartAsync(HttpClient http)
    {
        _teams = await TeamsEmulator.StartAsync();
        return (_teams.Host, new TeamsChannel(http, TimeProvider.System), new TeamsChannelTarget("t", "team", "19:c", "ops", _teams.CreateWebhook().ToString()));
    }

    protected override ChatTarget UnknownTarget()
    {
        var url = _teams.CreateWebhook();
        var gone = url.ToString().Replace("sig=", "sig=wrong", StringComparison.Ordinal);
        return new TeamsChannelTarget("t", "team", "19:c", "ops", gone);
    }
}

public sealed class ChimeChannelContractTests : ChatChannelContract
{
    private ChimeEmulator _chime = null!;

    protected override async Task<(EmulatorHost, IChatChannel, ChatTarget)> StartAsync(HttpClient http)
    {
        _chime = await ChimeEmulator.StartAsync();
        // The configuration model only admits hooks.chime.aws URLs; the adapter's base override points them at the emulator.
        var url = _chime.CreateWebhook();
        var configured = "https://hooks.chime.aws" + url.PathAndQuery;
        return (_chime.Host, new ChimeChannel(http, TimeProvider.System, _chime.BaseUrl), new ChimeWebhookTarget("arn:chime", configured));
    }

    protected override ChatTarget UnknownTarget() => new ChimeWebhookTarget("arn:gone", "https://hooks.chime.aws/incomingwebhooks/unknown?token=nope");
}

public sealed class WebhookChannelContractTests : ChatChannelContract
{
    private WebhookReceiver _receiver = null!;

    protected override async Task<(EmulatorHost, IChatChannel, ChatTarget)> StartAsync(HttpClient http)
    {
        _receiver = await WebhookReceiver.StartAsync();
        const string secret = "0123456789abcdef-signing";
        return (_receiver.Host, new WebhookChannel(http, TimeProvider.System), new WebhookTarget("arn:webhook", _receiver.CreateEndpoint(secret).ToString(), secret));
    }

    protected override ChatTarget UnknownTarget() => new WebhookTarget("arn:gone", new Uri(_receiver.BaseUrl, "hooks/unknown").ToString(), "0123456789abcdef-signing");
}
