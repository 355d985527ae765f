using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlSettingsStore(SqlDatabase database) : ISettingsStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        database.ReadAsync(
            c => c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT value FROM settings WHERE key = @key AND (expires_ms IS NULL OR expires_ms > @now)", new { key, now = database.NowMs }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task SetAsync(string key, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (c, t) => c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO settings (key, value, expires_ms) VALUES (@key, @value, @expires) " +
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_ms = excluded.expires_ms",
                new { key, value, expires = Millis.From(expiresAt) },
                t,
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) => await c.ExecuteAsync(new CommandDefinition("DELETE FROM settings WHERE key = @key", new { key }, t, cancellationToken: cancellationToken)) == 1,
            cancellationToken);
}
