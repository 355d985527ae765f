namespace Crowsnest.Storage;

/// <summary>The platform message that started a thread on a target, so follow-ups thread under it and updates edit it.</summary>
/// <param name="TargetKey">The chat target.</param>
/// <param name="ThreadKey">The thread key of the related events.</param>
/// <param name="PlatformMessageId">The platform's id of the parent message (Slack <c>ts</c>).</param>
/// <param name="PlatformChannelId">The platform's channel id, when it differs from the target's.</param>
/// <param name="UpdatedAt">When last recorded.</param>
public sealed record ThreadAnchor(string TargetKey, string ThreadKey, string PlatformMessageId, string? PlatformChannelId, DateTimeOffset UpdatedAt);

/// <summary>Stores thread anchors per (target, thread key).</summary>
public interface IThreadStore
{
    /// <summary>The anchor, or null.</summary>
    Task<ThreadAnchor?> GetAsync(string targetKey, string threadKey, CancellationToken cancellationToken);

    /// <summary>Records the anchor if none exists yet; returns the anchor in force.</summary>
    Task<ThreadAnchor> GetOrAddAsync(ThreadAnchor anchor, CancellationToken cancellationToken);
}
