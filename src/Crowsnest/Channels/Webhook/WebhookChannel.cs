using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Webhook;

/// <summary>
/// Generic webhooks: the webhook JSON (message plus original event), signed with HMAC-SHA256 over timestamp and
/// body (<see cref="WebhookSigner"/>) when the target has a signing secret.
/// </summary>
public sealed class WebhookChannel(HttpClient http, TimeProvider time) : IChatChannel
{
    public ChatTargetKind Kind => ChatTargetKind.Webhook;

    public Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        if (target is not WebhookTarget hook)
        {
            return Task.FromResult(ChannelHttp.WrongTarget(target, Kind));
        }
        var payload = MessageRenderers.Webhook(message, context.OriginalEvent);
        return ChannelHttp.PostAsync(http, hook.Url, payload, context, time, cancellationToken, request =>
        {
            if (hook.SigningSecret is { Length: > 0 } secret)
            {
                var (timestamp, signature) = WebhookSigner.Sign(secret, payload.Body.Span, time.GetUtcNow());
                request.Headers.TryAddWithoutValidation(WebhookSigner.TimestampHeader, timestamp);
                request.Headers.TryAddWithoutValidation(WebhookSigner.SignatureHeader, signature);
            }
        });
    }
}
