using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Tests.Notifications.Deliver.Contract;

public sealed class RawSlackApiChannelContractTests : SlackApiChannelContract
{
    protected override IChatChannel CreateChannel(HttpClient http, TimeProvider time) => new RawSlackApiChannel(http, time);
}

public sealed class RawSlackWebhookChannelContractTests : ChatChannelContract
{
    protected override ChatTargetKind Kind => ChatTargetKind.SlackWebhook;

    protected override IChatChannel CreateChannel(HttpClient http, TimeProvider time) => new RawWebhookChannel(Kind, http, time);
}

public sealed class RawTeamsChannelContractTests : ChatChannelContract
{
    protected override ChatTargetKind Kind => ChatTargetKind.TeamsWebhook;

    protected override IChatChannel CreateChannel(HttpClient http, TimeProvider time) => new RawWebhookChannel(Kind, http, time);
}

public sealed class RawChimeChannelContractTests : ChatChannelContract
{
    protected override ChatTargetKind Kind => ChatTargetKind.ChimeWebhook;

    protected override IChatChannel CreateChannel(HttpClient http, TimeProvider time) => new RawWebhookChannel(Kind, http, time);
}

public sealed class RawSignedWebhookChannelContractTests : ChatChannelContract
{
    protected override ChatTargetKind Kind => ChatTargetKind.Webhook;

    protected override IChatChannel CreateChannel(HttpClient http, TimeProvider time) => new RawWebhookChannel(Kind, http, time);
}
