using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Chime;

/// <summary>Amazon Chime incoming webhooks: <c>{"Content": …}</c> posted to the webhook URL (the URL is the credential).</summary>
public sealed class ChimeChannel(HttpClient http, TimeProvider time) : IChatChannel
{
    public ChatTargetKind Kind => ChatTargetKind.ChimeWebhook;

    public Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        return target is ChimeWebhookTarget hook
            ? ChannelHttp.PostAsync(http, hook.WebhookUrl, MessageRenderers.Chime(message), context, time, cancellationToken)
            : Task.FromResult(ChannelHttp.WrongTarget(target, Kind));
    }
}
