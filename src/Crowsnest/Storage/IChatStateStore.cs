namespace Crowsnest.Storage;

/// <summary>
/// A chat dialogue waiting for its user: a confirmation (Run/Cancel), a parameter prompt, or an account choice.
/// Kept in the store so it survives a restart and any instance can finish it.
/// </summary>
/// <param name="Id">A random id, carried by the buttons that answer it.</param>
/// <param name="Kind">What it waits for (<c>confirm</c>, <c>prompt</c>, <c>account</c>, or a shortcut's own kind).</param>
/// <param name="ChannelKey">The chat channel (<c>slack:T1:C1</c>).</param>
/// <param name="ThreadId">The thread it was asked in (a text answer must be written there), when any.</param>
/// <param name="UserId">The requester: the only user who may answer.</param>
/// <param name="State">The dialogue's state as JSON (the command text so far, …).</param>
/// <param name="CreatedAt">When it was asked.</param>
/// <param name="ExpiresAt">After this it can no longer be answered.</param>
public sealed record PendingInteraction(
    string Id,
    string Kind,
    string ChannelKey,
    string? ThreadId,
    string UserId,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

/// <summary>Pending chat dialogues and the ids of chat deliveries already taken (Slack retries).</summary>
public interface IChatStateStore
{
    /// <summary>Creates or replaces a pending dialogue.</summary>
    Task PutPendingAsync(PendingInteraction pending, CancellationToken cancellationToken);

    /// <summary>A pending dialogue by id (expired ones too, so the caller can say it expired), or null.</summary>
    Task<PendingInteraction?> GetPendingAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The newest unexpired dialogue of <paramref name="kind"/> that <paramref name="userId"/> was asked in this thread, or null.
    /// </summary>
    Task<PendingInteraction?> FindPendingAsync(string channelKey, string threadId, string userId, string kind, CancellationToken cancellationToken);

    /// <summary>Removes a dialogue; true only for the one caller that removed it (so an answer is acted on once, on any instance).</summary>
    Task<bool> TakePendingAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records a delivery id; false when it was already recorded (a retry or a second instance got it first).</summary>
    Task<bool> TryClaimEventAsync(string eventId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes expired dialogues and event ids; returns how many rows went.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
