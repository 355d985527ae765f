using Crowsnest.Channels.Rendering;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Chime;

/// <summary>Amazon Chime incoming webhooks: <c>{"Content": …}</c> posted to the webhook URL (the URL is the credential).</summary>
/// <param name="http">The HTTP client.</param>
/// <param name="time">The clock.</param>
/// <param name="baseOverride">Replaces <c>https://hooks.chime.aws/</c> (whose URLs the configuration model requires) for tests and demos.</param>
public sealed class ChimeChannel(HttpClient http, TimeProvider time, Uri? baseOverride = null) : IChatChannel
{
    private const string ChimeBase = "https://hooks.chime.aws/";

    public ChatTargetKind Kind => ChatTargetKind.ChimeWebhook;

    public Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        return target is ChimeWebhookTarget hook
            ? ChannelHttp.PostAsync(http, Resolve(hook.WebhookUrl), MessageRenderers.Chime(InlineAttachments.Inline(message, 1500)), context, time, cancellationToken)
            : Task.FromResult(ChannelHttp.WrongTarget(target, Kind));
    }

    private string Resolve(string url) =>
        baseOverride is not null && url.StartsWith(ChimeBase, StringComparison.Ordinal) ? new Uri(baseOverride, url[ChimeBase.Length..]).ToString() : url;
}
