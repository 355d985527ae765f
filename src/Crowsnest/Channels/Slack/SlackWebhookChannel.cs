using Crowsnest.Channels.Rendering;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Slack;

/// <summary>Slack incoming webhooks: the webhook Block Kit body posted to the webhook URL. No threads, no updates.</summary>
public sealed class SlackWebhookChannel(HttpClient http, TimeProvider time) : IChatChannel
{
    public ChatTargetKind Kind => ChatTargetKind.SlackWebhook;

    public Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        return target is SlackWebhookTarget hook
            ? ChannelHttp.PostAsync(http, hook.WebhookUrl, MessageRenderers.SlackWebhook(InlineAttachments.Inline(message, 2800)), context, time, cancellationToken)
            : Task.FromResult(ChannelHttp.WrongTarget(target, Kind));
    }
}
