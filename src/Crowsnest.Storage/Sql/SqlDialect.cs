using System.Data.Common;

namespace Crowsnest.Storage.Sql;

/// <summary>What differs between SQLite and PostgreSQL; everything else is shared SQL.</summary>
internal abstract class SqlDialect
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Kind { get; }

    /// <summary>Appended to a leasing sub-select so concurrent instances skip each other's rows.</summary>
    public abstract string SkipLocked { get; }

    /// <summary>How many inbox batches may be written at once (SQLite has one writer).</summary>
    public abstract int InboxWriters { get; }

    /// <summary>
    /// Serialises this process's write transactions when the database has one writer (SQLite): writers then wait
    /// their turn asynchronously instead of in SQLite's sleeping busy handler. Null when writers may run at once.
    /// </summary>
    public virtual SemaphoreSlim? WriteGate => null;

    /// <summary>A new, closed connection.</summary>
    public abstract DbConnection CreateConnection();

    /// <summary>
    /// Begins a write transaction (SQLite takes the write lock up front to avoid upgrade deadlocks). A
    /// <see cref="WriteSync.Relaxed"/> write may commit without waiting for the disk where the dialect allows it.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, WriteSync sync, CancellationToken cancellationToken);

    /// <summary>Serialises migrations across instances.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Prepares a freshly created database (SQLite: WAL mode).</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True when the exception means the store cannot serve now (rather than a bug in our SQL).</summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>Where the store is, for messages (never with a password).</summary>
    public abstract string Describe();
}
