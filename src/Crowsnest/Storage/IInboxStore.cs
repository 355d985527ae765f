using Crowsnest.Notifications;

namespace Crowsnest.Storage;

/// <summary>
/// The durable inbox: a notification is stored, keyed by its message id, before Crowsnest acknowledges it.
/// Everything after ingest runs from here, so a crash loses nothing.
/// </summary>
public interface IInboxStore
{
    /// <summary>Stores the notification durably. Returns false when that message id is already stored (a redelivery).</summary>
    /// <exception cref="StoreUnavailableException">The store cannot take it; the caller answers 503.</exception>
    ValueTask<bool> AcceptAsync(Notification notification, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> received notifications for processing; an expired lease may be taken over,
    /// and <paramref name="owner"/>'s own unfinished leases (left by a pass that failed) are taken back at once.
    /// An owner runs one pass at a time.
    /// </summary>
    Task<IReadOnlyList<StoredNotification>> LeaseReceivedAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcome of processing and enqueues its deliveries in one transaction, so a crash between the two
    /// can neither lose nor duplicate a delivery. Deliveries already enqueued for the same (notification, target) are kept.
    /// </summary>
    Task CompleteAsync(ProcessingOutcome outcome, IReadOnlyList<NewDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="CompleteAsync(ProcessingOutcome, IReadOnlyList{NewDelivery}, CancellationToken)"/> for several
    /// notifications; a store may record them all in one transaction (one commit per processing pass).
    /// </summary>
    async Task CompleteAllAsync(IReadOnlyList<(ProcessingOutcome Outcome, IReadOnlyList<NewDelivery> Deliveries)> completions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completions);
        foreach (var (outcome, deliveries) in completions)
        {
            await CompleteAsync(outcome, deliveries, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One stored notification, or null.</summary>
    Task<StoredNotification?> GetAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Notifications matching the query, newest first.</summary>
    Task<IReadOnlyList<StoredNotification>> ListAsync(NotificationQuery query, CancellationToken cancellationToken);

    /// <summary>Counts of processed notifications by event type received since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<EventTypeCount>> CountByEventTypeAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
