using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlAliasStore(SqlDatabase database) : IAliasStore
{
    private const string Columns = "channel_key AS ChannelKey, name AS Name, command AS Command, created_by AS CreatedBy, created_ms AS CreatedMs";

    public Task PutAsync(CommandAlias alias, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (c, t) => c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO aliases (channel_key, name, command, created_by, created_ms) VALUES (@ChannelKey, @Name, @Command, @CreatedBy, @created) " +
                "ON CONFLICT (channel_key, name) DO UPDATE SET command = excluded.command, created_by = excluded.created_by, created_ms = excluded.created_ms",
                new { alias.ChannelKey, alias.Name, alias.Command, alias.CreatedBy, created = Millis.From(alias.CreatedAt) },
                t,
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<CommandAlias?> GetAsync(string channelKey, string name, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c => (await c.QuerySingleOrDefaultAsync<AliasRow>(new CommandDefinition(
                $"SELECT {Columns} FROM aliases WHERE channel_key = @channelKey AND name = @name", new { channelKey, name }, cancellationToken: cancellationToken)))?.ToAlias(),
            cancellationToken);

    public Task<IReadOnlyList<CommandAlias>> ListAsync(string channelKey, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<CommandAlias>>(
            async c => (await c.QueryAsync<AliasRow>(new CommandDefinition(
                $"SELECT {Columns} FROM aliases WHERE channel_key = @channelKey ORDER BY name", new { channelKey }, cancellationToken: cancellationToken))).Select(r => r.ToAlias()).ToList(),
            cancellationToken);

    public Task<bool> DeleteAsync(string channelKey, string name, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) => await c.ExecuteAsync(new CommandDefinition(
                "DELETE FROM aliases WHERE channel_key = @channelKey AND name = @name", new { channelKey, name }, t, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    private sealed class AliasRow
    {
        public string ChannelKey { get; set; } = "";
        public string Name { get; set; } = "";
        public string Command { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedMs { get; set; }

        public CommandAlias ToAlias() => new(ChannelKey, Name, Command, CreatedBy, Millis.To(CreatedMs));
    }
}
