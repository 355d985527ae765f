using System.Data.Common;

namespace Crowsnest.Storage.Sql;

/// <summary>Opens connections and turns "the database cannot serve now" into <see cref="StoreUnavailableException"/>.</summary>
internal sealed class SqlDatabase(SqlDialect dialect, TimeProvider time)
{
    public SqlDialect Dialect { get; } = dialect;

    public TimeProvider Time { get; } = time;

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Dialect.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception e) when (Dialect.IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken,
        WriteSync sync = WriteSync.Acknowledged)
    {
        var gate = Dialect.WriteGate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }
        try
        {
            await using var connection = Dialect.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await Dialect.BeginWriteAsync(connection, sync, cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (Dialect.IsUnavailable(e))
        {
            throw Unavailable(e);
        }
        finally
        {
            gate?.Release();
        }
    }

    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken, WriteSync sync = WriteSync.Acknowledged) =>
        WriteAsync(
            async (c, t) =>
            {
                await work(c, t);
                return true;
            },
            cancellationToken,
            sync);

    public StoreUnavailableException Unavailable(Exception e) =>
        new($"{Dialect.Describe()} is unavailable: {e.Message}", e);
}
