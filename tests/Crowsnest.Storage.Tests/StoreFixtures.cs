using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Crowsnest.Storage.Tests;

/// <summary>Creates a fresh, migrated store for one test.</summary>
public interface IStoreFactory
{
    Task<(IStore Store, string RawLocation)> CreateAsync(FakeTimeProvider time, ISecretProtector protector);
}

public sealed class SqliteStoreFactory : IStoreFactory
{
    public async Task<(IStore Store, string RawLocation)> CreateAsync(FakeTimeProvider time, ISecretProtector protector)
    {
        var path = Path.Combine(Path.GetTempPath(), "crowsnest-tests", Guid.NewGuid().ToString("N"), "crowsnest.db");
        var store = StoreFactory.OpenSqlite(path, protector, time);
        await store.MigrateAsync(CancellationToken.None);
        return (store, path);
    }
}

public sealed class PostgresStoreFactory : IStoreFactory
{
    /// <summary>The scratch server the test script starts (./scripts/test), as a connection string.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CROWSNEST_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "CROWSNEST_TEST_POSTGRES is not set: run the tests with ./scripts/test, which installs and starts a scratch PostgreSQL server.");

    public async Task<(IStore Store, string RawLocation)> CreateAsync(FakeTimeProvider time, ISecretProtector protector)
    {
        var database = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;
        var store = StoreFactory.OpenPostgres(connectionString, protector, time);
        await store.MigrateAsync(CancellationToken.None);
        return (store, connectionString);
    }
}
