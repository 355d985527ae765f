using System.Data.Common;
using Dapper;

namespace Crowsnest.Storage.Sql;

/// <summary>Applies the embedded migrations of one dialect, in order, each once.</summary>
internal sealed class Migrator(SqlDatabase database)
{
    private const string ResourcePrefix = "Crowsnest.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Load(string kind)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"{ResourcePrefix}{kind}/";
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add((version, name, reader.ReadToEnd()));
        }
        return migrations.OrderBy(m => m.Item1).ToList();
    }

    public int LatestVersion => Load(database.Dialect.Kind)[^1].Version;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await database.ReadAsync(
            async c =>
            {
                await database.Dialect.PrepareAsync(c, cancellationToken);
                return true;
            },
            cancellationToken);
        await database.WriteAsync(
            async (c, t) =>
            {
                await database.Dialect.LockForMigrationAsync(c, t, cancellationToken);
                await c.ExecuteAsync(new CommandDefinition(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)",
                    transaction: t,
                    cancellationToken: cancellationToken));
                var applied = (await c.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_migrations", transaction: t, cancellationToken: cancellationToken)))
                    .ToHashSet();
                foreach (var (version, name, sql) in Load(database.Dialect.Kind).Where(m => !applied.Contains(m.Version)))
                {
                    await c.ExecuteAsync(new CommandDefinition(sql, transaction: t, cancellationToken: cancellationToken));
                    await c.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (@version, @name, @now)",
                        new { version, name, now = database.NowMs },
                        t,
                        cancellationToken: cancellationToken));
                }
            },
            cancellationToken);
    }

    public async Task<StoreReadiness> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var current = await database.ReadAsync(
                c => c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)),
                cancellationToken);
            return current == LatestVersion
                ? new StoreReadiness(true, $"{database.Dialect.Describe()}, schema version {current}")
                : new StoreReadiness(false, $"{database.Dialect.Describe()}: schema version {current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, expected {LatestVersion}");
        }
        catch (StoreUnavailableException e)
        {
            return new StoreReadiness(false, e.Message);
        }
        catch (DbException e)
        {
            return new StoreReadiness(false, $"{database.Dialect.Describe()}: {e.Message}");
        }
    }
}
