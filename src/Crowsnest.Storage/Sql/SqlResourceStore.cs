using System.Data.Common;
using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlResourceStore(SqlDatabase database, ISecretProtector protector) : IResourceStore
{
    private const string Columns =
        "kind AS Kind, id AS Id, name AS Name, document AS Document, secrets AS Secrets, version AS Version, created_ms AS CreatedMs, updated_ms AS UpdatedMs";

    public Task<ResourceWriteResult> CreateAsync(ResourceRecord record, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var inserted = await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO resources (kind, id, name, document, secrets, version, created_ms, updated_ms) " +
                    "VALUES (@Kind, @Id, @Name, @Document, @secrets, 1, @created, @updated) ON CONFLICT DO NOTHING",
                    new { record.Kind, record.Id, record.Name, record.Document, secrets = Protect(record.Secrets), created = Millis.From(record.CreatedAt), updated = Millis.From(record.UpdatedAt) },
                    t,
                    cancellationToken: cancellationToken));
                if (inserted == 0)
                {
                    return ResourceWriteResult.Conflict;
                }
                await BumpAsync(c, t, cancellationToken);
                return ResourceWriteResult.Ok;
            },
            cancellationToken);

    public Task<ResourceWriteResult> UpdateAsync(ResourceRecord record, long? expectedVersion, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var current = await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    "SELECT version FROM resources WHERE kind = @Kind AND id = @Id", new { record.Kind, record.Id }, t, cancellationToken: cancellationToken));
                if (current is null)
                {
                    return ResourceWriteResult.NotFound;
                }
                if (expectedVersion is { } expected && expected != current)
                {
                    return ResourceWriteResult.VersionMismatch;
                }
                var clash = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM resources WHERE kind = @Kind AND name = @Name AND id <> @Id", new { record.Kind, record.Name, record.Id }, t, cancellationToken: cancellationToken));
                if (clash > 0)
                {
                    return ResourceWriteResult.Conflict;
                }
                await c.ExecuteAsync(new CommandDefinition(
                    "UPDATE resources SET name = @Name, document = @Document, secrets = @secrets, version = version + 1, updated_ms = @updated WHERE kind = @Kind AND id = @Id",
                    new { record.Kind, record.Id, record.Name, record.Document, secrets = Protect(record.Secrets), updated = Millis.From(record.UpdatedAt) },
                    t,
                    cancellationToken: cancellationToken));
                await BumpAsync(c, t, cancellationToken);
                return ResourceWriteResult.Ok;
            },
            cancellationToken);

    public Task<int> ReprotectSecretsAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var rows = (await c.QueryAsync<(string Kind, string Id, byte[] Secrets)>(new CommandDefinition(
                    "SELECT kind, id, secrets FROM resources WHERE secrets IS NOT NULL ORDER BY kind, id", transaction: t, cancellationToken: cancellationToken))).ToList();
                foreach (var (kind, id, secrets) in rows)
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        "UPDATE resources SET secrets = @secrets WHERE kind = @kind AND id = @id",
                        new { kind, id, secrets = protector.Protect(protector.Unprotect(secrets)) },
                        t,
                        cancellationToken: cancellationToken));
                }
                return rows.Count;
            },
            cancellationToken);

    public Task<bool> DeleteAsync(string kind, string id, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var deleted = await c.ExecuteAsync(new CommandDefinition("DELETE FROM resources WHERE kind = @kind AND id = @id", new { kind, id }, t, cancellationToken: cancellationToken));
                if (deleted == 0)
                {
                    return false;
                }
                await c.ExecuteAsync(new CommandDefinition("DELETE FROM resource_tags WHERE resource_id = @id", new { id }, t, cancellationToken: cancellationToken));
                await c.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM associations WHERE configuration_id = @id OR resource_id = @id", new { id }, t, cancellationToken: cancellationToken));
                await BumpAsync(c, t, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<ResourceRecord?> GetAsync(string kind, string id, CancellationToken cancellationToken) =>
        QueryOneAsync($"SELECT {Columns} FROM resources WHERE kind = @kind AND id = @id", new { kind, id }, cancellationToken);

    public Task<ResourceRecord?> GetByNameAsync(string kind, string name, CancellationToken cancellationToken) =>
        QueryOneAsync($"SELECT {Columns} FROM resources WHERE kind = @kind AND name = @name", new { kind, name }, cancellationToken);

    public Task<Page<ResourceRecord>> ListAsync(string kind, int maxResults, string? nextToken, CancellationToken cancellationToken)
    {
        var after = PageToken.Decode(nextToken);
        var limit = Math.Clamp(maxResults, 1, 1000);
        return database.ReadAsync(
            async c =>
            {
                var rows = (await c.QueryAsync<ResourceRow>(new CommandDefinition(
                    $"SELECT {Columns} FROM resources WHERE kind = @kind AND id > @after ORDER BY id LIMIT @take",
                    new { kind, after = after ?? string.Empty, take = limit + 1 },
                    cancellationToken: cancellationToken))).ToList();
                var items = rows.Take(limit).Select(ToRecord).ToList();
                return new Page<ResourceRecord>(items, rows.Count > limit ? PageToken.Encode(items[^1].Id) : null);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ResourceRecord>> ListAllAsync(IReadOnlyCollection<string> kinds, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ResourceRecord>>(
            async c =>
            {
                var all = new List<ResourceRecord>();
                foreach (var kind in kinds)
                {
                    all.AddRange((await c.QueryAsync<ResourceRow>(new CommandDefinition(
                        $"SELECT {Columns} FROM resources WHERE kind = @kind ORDER BY id", new { kind }, cancellationToken: cancellationToken))).Select(ToRecord));
                }
                return all;
            },
            cancellationToken);

    public Task<long> GetChangeStampAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT stamp FROM change_stamp WHERE id = 1", cancellationToken: cancellationToken)), cancellationToken);

    public Task SetTagsAsync(string resourceId, IReadOnlyList<ResourceTag> tags, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                foreach (var tag in tags)
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO resource_tags (resource_id, tag_key, tag_value) VALUES (@resourceId, @Key, @Value) " +
                        "ON CONFLICT (resource_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value",
                        new { resourceId, tag.Key, tag.Value },
                        t,
                        cancellationToken: cancellationToken));
                }
                await BumpAsync(c, t, cancellationToken);
            },
            cancellationToken);

    public Task RemoveTagsAsync(string resourceId, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                foreach (var key in keys)
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        "DELETE FROM resource_tags WHERE resource_id = @resourceId AND tag_key = @key", new { resourceId, key }, t, cancellationToken: cancellationToken));
                }
                await BumpAsync(c, t, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<ResourceTag>> GetTagsAsync(string resourceId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ResourceTag>>(
            async c => (await c.QueryAsync<(string Key, string Value)>(new CommandDefinition(
                    "SELECT tag_key, tag_value FROM resource_tags WHERE resource_id = @resourceId ORDER BY tag_key", new { resourceId }, cancellationToken: cancellationToken)))
                .Select(r => new ResourceTag(r.Key, r.Value)).ToList(),
            cancellationToken);

    public Task<bool> AssociateAsync(string configurationId, string resourceId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var added = await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO associations (configuration_id, resource_id) VALUES (@configurationId, @resourceId) ON CONFLICT DO NOTHING",
                    new { configurationId, resourceId },
                    t,
                    cancellationToken: cancellationToken)) == 1;
                await BumpAsync(c, t, cancellationToken);
                return added;
            },
            cancellationToken);

    public Task<bool> DisassociateAsync(string configurationId, string resourceId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var removed = await c.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM associations WHERE configuration_id = @configurationId AND resource_id = @resourceId",
                    new { configurationId, resourceId },
                    t,
                    cancellationToken: cancellationToken)) == 1;
                await BumpAsync(c, t, cancellationToken);
                return removed;
            },
            cancellationToken);

    public Task<Page<string>> ListAssociationsAsync(string configurationId, int maxResults, string? nextToken, CancellationToken cancellationToken)
    {
        var after = PageToken.Decode(nextToken) ?? string.Empty;
        var limit = Math.Clamp(maxResults, 1, 1000);
        return database.ReadAsync(
            async c =>
            {
                var rows = (await c.QueryAsync<string>(new CommandDefinition(
                    "SELECT resource_id FROM associations WHERE configuration_id = @configurationId AND resource_id > @after ORDER BY resource_id LIMIT @take",
                    new { configurationId, after, take = limit + 1 },
                    cancellationToken: cancellationToken))).ToList();
                var items = rows.Take(limit).ToList();
                return new Page<string>(items, rows.Count > limit ? PageToken.Encode(items[^1]) : null);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ResourceAssociation>> ListAllAssociationsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ResourceAssociation>>(
            async c => (await c.QueryAsync<(string ConfigurationId, string ResourceId)>(new CommandDefinition(
                    "SELECT configuration_id, resource_id FROM associations ORDER BY configuration_id, resource_id", cancellationToken: cancellationToken)))
                .Select(r => new ResourceAssociation(r.ConfigurationId, r.ResourceId)).ToList(),
            cancellationToken);

    private static Task BumpAsync(DbConnection c, DbTransaction t, CancellationToken cancellationToken) =>
        c.ExecuteAsync(new CommandDefinition("UPDATE change_stamp SET stamp = stamp + 1 WHERE id = 1", transaction: t, cancellationToken: cancellationToken));

    private Task<ResourceRecord?> QueryOneAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c =>
            {
                var row = await c.QuerySingleOrDefaultAsync<ResourceRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
                return row is null ? null : ToRecord(row);
            },
            cancellationToken);

    private byte[]? Protect(string? secrets) => secrets is null ? null : protector.Protect(secrets);

    private ResourceRecord ToRecord(ResourceRow r) => new(
        r.Kind, r.Id, r.Name, r.Document, r.Secrets is null ? null : protector.Unprotect(r.Secrets), r.Version, Millis.To(r.CreatedMs), Millis.To(r.UpdatedMs));

    private sealed class ResourceRow
    {
        public string Kind { get; set; } = "";
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Document { get; set; } = "";
        public byte[]? Secrets { get; set; }
        public long Version { get; set; }
        public long CreatedMs { get; set; }
        public long UpdatedMs { get; set; }
    }
}
