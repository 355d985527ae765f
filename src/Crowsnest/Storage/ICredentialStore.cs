namespace Crowsnest.Storage;

/// <summary>The kind of API credential Crowsnest issues.</summary>
public enum CredentialKind
{
    /// <summary>An access key id and secret for SigV4-signed API calls (AWS SDKs and CLI).</summary>
    AccessKey = 0,

    /// <summary>A bearer token for the admin CLI and scripts.</summary>
    BearerToken,
}

/// <summary>
/// An issued API credential. For access keys <see cref="Secret"/> is the secret access key (needed to verify
/// signatures; encrypted at rest); for bearer tokens the store keeps only <see cref="SecretHash"/>.
/// </summary>
public sealed record ApiCredential(
    string Id,
    CredentialKind Kind,
    string Name,
    string? Secret,
    string? SecretHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>Stores issued API credentials.</summary>
public interface ICredentialStore
{
    /// <summary>Stores a new credential. False when the id exists.</summary>
    Task<bool> CreateAsync(ApiCredential credential, CancellationToken cancellationToken);

    /// <summary>One credential (secret decrypted), or null.</summary>
    Task<ApiCredential?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>All credentials, without their secrets.</summary>
    Task<IReadOnlyList<ApiCredential>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a credential. False when absent or already revoked.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Decrypts every stored credential secret and encrypts it again with the protector's current key (all or none). Returns how many.</summary>
    Task<int> ReprotectSecretsAsync(CancellationToken cancellationToken);

    /// <summary>Records a use (coarse: callers may skip writes within a minute).</summary>
    Task TouchAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
