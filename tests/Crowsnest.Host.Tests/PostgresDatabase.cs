using Npgsql;

namespace Crowsnest.Host.Tests;

/// <summary>A fresh database on the scratch PostgreSQL server the test script starts.</summary>
internal static class PostgresDatabase
{
    public static async Task<string> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("CROWSNEST_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CROWSNEST_TEST_POSTGRES is not set: run the tests with ./scripts/test, which starts a scratch PostgreSQL server.");
        var name = "h_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
