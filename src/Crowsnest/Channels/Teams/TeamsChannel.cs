using Crowsnest.Channels.Rendering;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Teams;

/// <summary>
/// Microsoft Teams through a Workflows webhook: the Adaptive Card envelope posted to the webhook URL (which carries
/// its <c>sig</c> credential). Workflows webhooks cannot receive button presses, so cards are rendered non-interactive.
/// </summary>
public sealed class TeamsChannel(HttpClient http, TimeProvider time) : IChatChannel
{
    public ChatTargetKind Kind => ChatTargetKind.TeamsWebhook;

    public Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        if (target is not TeamsChannelTarget { WebhookUrl: { Length: > 0 } url })
        {
            return Task.FromResult<DeliveryResult>(new DeliveryResult.Permanent($"target {target.Key} has no Teams Workflows webhook URL"));
        }
        return ChannelHttp.PostAsync(http, url, MessageRenderers.Teams(InlineAttachments.Inline(message, 8000)), context, time, cancellationToken);
    }
}
