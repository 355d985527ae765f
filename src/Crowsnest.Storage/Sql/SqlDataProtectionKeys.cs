using Dapper;

namespace Crowsnest.Storage.Sql;

/// <summary>Data-protection key ring storage in the database, for instances that share one PostgreSQL.</summary>
internal sealed class SqlDataProtectionKeys(SqlDatabase database) : IDataProtectionKeyStore
{
    public IReadOnlyList<string> GetAll() =>
        database.ReadAsync<IReadOnlyList<string>>(
            async c => (await c.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_ms")).ToList(),
            CancellationToken.None).GetAwaiter().GetResult();

    public void Store(string name, string xml) =>
        database.WriteAsync(
            (c, t) => c.ExecuteAsync(
                "INSERT INTO data_protection_keys (name, xml, created_ms) VALUES (@name, @xml, @now) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml",
                new { name, xml, now = database.NowMs },
                t),
            CancellationToken.None).GetAwaiter().GetResult();
}
