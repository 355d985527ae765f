using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Console;

/// <summary>
/// The console inbox. The delivery itself is the stored record: its payload holds the neutral message, and the API
/// and console list delivered deliveries whose target key starts with <c>console:</c>. Sending only marks it delivered.
/// </summary>
public sealed class ConsoleChannel : IChatChannel
{
    /// <summary>The platform message id recorded for console deliveries.</summary>
    public const string StoredId = "console";

    public ChatTargetKind Kind => ChatTargetKind.Console;

    public Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(target is ConsoleInboxTarget
            ? new DeliveryResult.Delivered(StoredId)
            : ChannelHttp.WrongTarget(target, Kind));
    }
}
