namespace Crowsnest.Storage;

/// <summary>
/// The delivery outbox. Workers lease due deliveries with an expiry, so a crashed worker's leases are taken over;
/// on PostgreSQL several instances share the work and no delivery is leased by two of them at once.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Enqueues deliveries; one per (notification, target) — a second one for the same pair is ignored.</summary>
    Task EnqueueAsync(IReadOnlyList<NewDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> due deliveries (pending and due, leased with an expired lease, or still
    /// leased to <paramref name="owner"/> from a pass that failed), oldest first, at most one per (target, thread key)
    /// so that a thread's messages go out in order. An owner runs one pass at a time.
    /// </summary>
    Task<IReadOnlyList<DeliveryRecord>> LeaseDueAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> pending deliveries for one target whatever their due time (a rate-limited
    /// target's backlog, to be grouped into digests), oldest first, keeping each thread's order as above.
    /// </summary>
    Task<IReadOnlyList<DeliveryRecord>> LeaseBacklogAsync(string owner, string targetKey, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a leased delivery delivered. False when the lease was lost (another worker took it over).</summary>
    Task<bool> CompleteAsync(long id, string owner, string? platformMessageId, CancellationToken cancellationToken);

    /// <summary>Puts a leased delivery back for another attempt at <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> RetryAsync(long id, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a leased delivery back without a send (it waits for the target's rate limit): its lease is not counted as
    /// an attempt, so waiting never lengthens the backoff after a real failure.
    /// </summary>
    Task<bool> DeferAsync(long id, string owner, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a target's pending deliveries that wait for a later attempt due now (the target answers again after
    /// failing); returns how many. The target's rate limit still paces them.
    /// </summary>
    Task<int> WakeTargetAsync(string targetKey, CancellationToken cancellationToken);

    /// <summary>Gives up on a leased delivery: it is listed as a dead letter with its last error.</summary>
    Task<bool> DeadLetterAsync(long id, string owner, string error, CancellationToken cancellationToken);

    /// <summary>Replaces a pending or leased delivery's payload (a digest may absorb others).</summary>
    Task<bool> ReplacePayloadAsync(long id, string owner, string payload, CancellationToken cancellationToken);

    /// <summary>Sends a dead (or delivered) delivery again: back to pending, due now.</summary>
    Task<bool> ReplayAsync(long id, CancellationToken cancellationToken);

    /// <summary>One delivery, or null.</summary>
    Task<DeliveryRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Deliveries matching the query, newest first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryQuery query, CancellationToken cancellationToken);

    /// <summary>Counts by state.</summary>
    Task<IReadOnlyList<DeliveryStateCount>> CountByStateAsync(CancellationToken cancellationToken);
}
