using System.Data.Common;
using Crowsnest.Storage.Sql;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Crowsnest.Storage.Sqlite;

internal sealed class SqliteDialect : SqlDialect
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoErr = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteReadOnly = 8;
    private readonly string _connectionString;
    private readonly string _path;
    private readonly SqliteSync _inboxSync;

    public SqliteDialect(string path, SqliteSync inboxSync = SqliteSync.Full)
    {
        _inboxSync = inboxSync;
        _path = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string Kind => "sqlite";

    public override string SkipLocked => string.Empty;

    public override int InboxWriters => 1;

    public override SemaphoreSlim? WriteGate { get; } = new(1, 1);

    public string FilePath => _path;

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, WriteSync sync, CancellationToken cancellationToken)
    {
        // synchronous is a property of the connection (pooled connections keep it), so every write states its own.
        var full = sync == WriteSync.Acknowledged || (sync == WriteSync.Inbox && _inboxSync == SqliteSync.Full);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    // SQLite has one writer; BEGIN IMMEDIATE in BeginWriteAsync already serialises migrations.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var mode = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode=WAL;");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreUnavailableException($"SQLite file {_path} could not be put in WAL mode (got '{mode}').");
        }
    }

    public override bool IsUnavailable(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoErr or SqliteFull or SqliteCantOpen or SqliteReadOnly,
        IOException or UnauthorizedAccessException => true,
        _ => false,
    };

    public override string Describe() => $"SQLite file {_path}";
}
