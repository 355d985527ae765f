using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;

namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// A platform adapter: renders a <see cref="ChatMessage"/> for its platform and posts it to one target. Expected
/// outcomes (platform errors, HTTP failures, timeouts) are returned as a <see cref="DeliveryResult"/> classified by
/// <see cref="ResponseClassifier"/>; only the caller's cancellation is thrown (<see cref="OperationCanceledException"/>).
/// </summary>
public interface IChatChannel
{
    /// <summary>The kind of target this adapter posts to.</summary>
    ChatTargetKind Kind { get; }

    /// <summary>Posts <paramref name="message"/> to <paramref name="target"/>.</summary>
    Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken);
}

/// <summary>What the delivery worker knows about one send besides the message.</summary>
public sealed record DeliveryContext
{
    /// <summary>An empty context: a new top-level message.</summary>
    public static DeliveryContext None { get; } = new();

    /// <summary>The delivery's stable id; adapters send it (for example as <c>X-Crowsnest-Delivery-Id</c>) so receivers can spot duplicates.</summary>
    public string? DeliveryId { get; init; }

    /// <summary>The platform id of the thread's first message (Slack <c>ts</c>), to post this one as a reply.</summary>
    public string? ThreadParentId { get; init; }

    /// <summary>The platform id of a message to edit in place instead of posting a new one.</summary>
    public string? ReplaceMessageId { get; init; }

    /// <summary>The original event (JSON or text), for renderers that include it (generic webhooks).</summary>
    public string? OriginalEvent { get; init; }

    /// <summary>1 for the first try.</summary>
    public int Attempt { get; init; } = 1;
}
