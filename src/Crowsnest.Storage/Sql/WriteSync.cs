namespace Crowsnest.Storage.Sql;

/// <summary>How a write transaction must reach the disk before its commit returns.</summary>
internal enum WriteSync
{
    /// <summary>Acknowledged to someone outside (an API caller, SNS): durable as the store is configured to be.</summary>
    Acknowledged = 0,

    /// <summary>
    /// Workers' bookkeeping (leases, outcomes, delivery states): losing the last ones to a power loss only repeats
    /// work (at-least-once), so SQLite commits them without an fsync; a later acknowledged commit syncs them too.
    /// </summary>
    Relaxed,

    /// <summary>The inbox's group commit: as <see cref="SqliteSync"/> says.</summary>
    Inbox,
}
