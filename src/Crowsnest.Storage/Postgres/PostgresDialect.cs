using System.Data.Common;
using Crowsnest.Storage.Sql;
using Dapper;
using Npgsql;

namespace Crowsnest.Storage.Postgres;

internal sealed class PostgresDialect : SqlDialect, IDisposable
{
    // Any fixed number shared by every Crowsnest instance: the advisory lock that serialises migrations.
    private const long MigrationLockId = 0x43726F77736E6573;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _description;

    public PostgresDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Timeout == 15)
        {
            builder.Timeout = 5;
        }
        _description = $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Kind => "postgres";

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override int InboxWriters => 4;

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, WriteSync sync, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@id)", new { id = MigrationLockId }, transaction, cancellationToken: cancellationToken));

    public override bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException e => e.SqlState.StartsWith("08", StringComparison.Ordinal)
            || e.SqlState.StartsWith("53", StringComparison.Ordinal)
            || e.SqlState.StartsWith("57", StringComparison.Ordinal)
            || e.SqlState == "40001" || e.SqlState == "40P01" || e.SqlState == "25006",
        NpgsqlException => true,
        TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    public override string Describe() => _description;

    public void Dispose() => _dataSource.Dispose();
}
