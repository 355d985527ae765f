using Crowsnest.Storage;

namespace Crowsnest.Configuration.Snapshot;

/// <summary>What a refresh did.</summary>
public enum SnapshotRefreshOutcome
{
    /// <summary>The store has not changed since the current snapshot (or since the last rejected one).</summary>
    Unchanged = 0,

    /// <summary>A new snapshot replaced the current one.</summary>
    Swapped,

    /// <summary>The stored configuration is invalid; the current snapshot stays.</summary>
    Rejected,
}

/// <summary>The outcome of <see cref="ConfigSnapshotSource.RefreshAsync"/>, with the problems when rejected.</summary>
public sealed record SnapshotRefresh(SnapshotRefreshOutcome Outcome, long Stamp, IReadOnlyList<string> Errors);

/// <summary>
/// Holds the current <see cref="ConfigSnapshot"/> and replaces it when the store changes: it polls the store's cheap
/// change stamp (so a change saved by any instance is seen), rebuilds and validates, and swaps atomically. A snapshot
/// that fails validation never replaces the current one.
/// </summary>
public sealed class ConfigSnapshotSource(IResourceStore resources)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ConfigSnapshot _current = ConfigSnapshot.Empty;
    private long _rejectedStamp = long.MinValue;

    /// <summary>The snapshot in force. Reading it is free; keep the reference for one unit of work.</summary>
    public ConfigSnapshot Current => _current;

    /// <summary>Raised after a new snapshot is swapped in.</summary>
    public event Action<ConfigSnapshot>? Swapped;

    /// <summary>Checks the change stamp and rebuilds when it moved.</summary>
    public async Task<SnapshotRefresh> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Read the stamp first: a change racing the listing moves the stamp again and is picked up next time.
            var stamp = await resources.GetChangeStampAsync(cancellationToken);
            if (stamp == _current.Stamp || stamp == Interlocked.Read(ref _rejectedStamp))
            {
                return new SnapshotRefresh(SnapshotRefreshOutcome.Unchanged, stamp, []);
            }
            var records = await resources.ListAllAsync([.. ResourceKinds.SnapshotKinds], cancellationToken);
            var associations = await resources.ListAllAssociationsAsync(cancellationToken);
            var built = ConfigSnapshotBuilder.Build(stamp, records, associations);
            if (built.Snapshot is null)
            {
                Interlocked.Exchange(ref _rejectedStamp, stamp);
                return new SnapshotRefresh(SnapshotRefreshOutcome.Rejected, stamp, built.Errors);
            }
            _current = built.Snapshot;
            Swapped?.Invoke(built.Snapshot);
            return new SnapshotRefresh(SnapshotRefreshOutcome.Swapped, stamp, []);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Refreshes every <paramref name="interval"/> until cancelled; <paramref name="onRefresh"/> sees each outcome.</summary>
    public async Task RunAsync(TimeSpan interval, TimeProvider time, Action<SnapshotRefresh> onRefresh, Action<Exception> onError, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var refresh = await RefreshAsync(cancellationToken);
                onRefresh(refresh);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException e)
            {
                onError(e);
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
