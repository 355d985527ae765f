namespace Crowsnest.Storage;

/// <summary>
/// Wakes this process's idle workers as soon as new work is committed, instead of at their next poll. A worker arms
/// the signal before its pass and, when the pass found nothing, waits for it (or its poll interval, which still finds
/// work committed by other instances). A <see cref="Set"/> during the pass makes that wait return at once, so a commit
/// is never missed between a pass and the wait. Every waiter is woken; thread-safe.
/// </summary>
public sealed class WorkSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Reports that new work is committed.</summary>
    public void Set() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>The task that completes at the first <see cref="Set"/> from now; call it before looking for work.</summary>
    public Task Arm()
    {
        while (true)
        {
            var current = Volatile.Read(ref _next);
            if (!current.Task.IsCompleted)
            {
                return current.Task;
            }
            var fresh = NewSource();
            if (Interlocked.CompareExchange(ref _next, fresh, current) == current)
            {
                return fresh.Task;
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The signals of the store's queues, raised after each commit that adds due work.</summary>
public sealed class StoreSignals
{
    /// <summary>A notification was accepted into the inbox.</summary>
    public WorkSignal Received { get; } = new();

    /// <summary>Deliveries became due (enqueued or replayed).</summary>
    public WorkSignal DeliveriesDue { get; } = new();
}
