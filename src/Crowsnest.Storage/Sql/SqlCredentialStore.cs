using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlCredentialStore(SqlDatabase database, ISecretProtector protector) : ICredentialStore
{
    private const string Columns =
        "id AS Id, kind AS Kind, name AS Name, secret AS Secret, secret_hash AS SecretHash, created_ms AS CreatedMs, last_used_ms AS LastUsedMs, revoked_ms AS RevokedMs";

    public Task<bool> CreateAsync(ApiCredential credential, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) => await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO api_credentials (id, kind, name, secret, secret_hash, created_ms) VALUES (@Id, @kind, @Name, @secret, @SecretHash, @created) ON CONFLICT DO NOTHING",
                new
                {
                    credential.Id,
                    kind = credential.Kind.ToString(),
                    credential.Name,
                    secret = credential.Secret is null ? null : protector.Protect(credential.Secret),
                    credential.SecretHash,
                    created = Millis.From(credential.CreatedAt),
                },
                t,
                cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<ApiCredential?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c => (await c.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
                $"SELECT {Columns} FROM api_credentials WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToCredential(protector, withSecret: true),
            cancellationToken);

    public Task<IReadOnlyList<ApiCredential>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ApiCredential>>(
            async c => (await c.QueryAsync<CredentialRow>(new CommandDefinition(
                $"SELECT {Columns} FROM api_credentials ORDER BY created_ms", cancellationToken: cancellationToken))).Select(r => r.ToCredential(protector, withSecret: false)).ToList(),
            cancellationToken);

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) => await c.ExecuteAsync(new CommandDefinition(
                "UPDATE api_credentials SET revoked_ms = @at WHERE id = @id AND revoked_ms IS NULL", new { id, at = Millis.From(at) }, t, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<int> ReprotectSecretsAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                var rows = (await c.QueryAsync<(string Id, byte[] Secret)>(new CommandDefinition(
                    "SELECT id, secret FROM api_credentials WHERE secret IS NOT NULL ORDER BY id", transaction: t, cancellationToken: cancellationToken))).ToList();
                foreach (var (id, secret) in rows)
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        "UPDATE api_credentials SET secret = @secret WHERE id = @id",
                        new { id, secret = protector.Protect(protector.Unprotect(secret)) },
                        t,
                        cancellationToken: cancellationToken));
                }
                return rows.Count;
            },
            cancellationToken);

    public Task TouchAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (c, t) => c.ExecuteAsync(new CommandDefinition(
                "UPDATE api_credentials SET last_used_ms = @at WHERE id = @id", new { id, at = Millis.From(at) }, t, cancellationToken: cancellationToken)),
            cancellationToken);

    private sealed class CredentialRow
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public byte[]? Secret { get; set; }
        public string? SecretHash { get; set; }
        public long CreatedMs { get; set; }
        public long? LastUsedMs { get; set; }
        public long? RevokedMs { get; set; }

        public ApiCredential ToCredential(ISecretProtector protector, bool withSecret) => new(
            Id,
            Enum.Parse<CredentialKind>(Kind),
            Name,
            withSecret && Secret is not null ? protector.Unprotect(Secret) : null,
            withSecret ? SecretHash : null,
            Millis.To(CreatedMs),
            Millis.To(LastUsedMs),
            Millis.To(RevokedMs));
    }
}
