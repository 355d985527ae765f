using System.Security.Cryptography;
using System.Text;
using Crowsnest.Host.Hosting;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Auth;

/// <summary>A newly issued credential with its secret, shown once.</summary>
internal sealed record IssuedCredential(string Id, CredentialKind Kind, string Name, string Secret);

/// <summary>
/// Issues and checks API credentials: SigV4 access keys (secret kept encrypted, needed to verify signatures) and
/// bearer tokens (only a SHA-256 hash kept). Tokens look like <c>cnt_&lt;id&gt;_&lt;secret&gt;</c> so the id finds the record.
/// </summary>
internal sealed class ApiCredentialService(IStore store, CrowsnestSettings settings, TimeProvider time)
{
    public const string BootstrapActor = "bootstrap-token";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public async Task<IssuedCredential> CreateAccessKeyAsync(string name, CancellationToken cancellationToken)
    {
        var id = "CNAK" + RandomString(16, Base32);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        await store.Credentials.CreateAsync(new ApiCredential(id, CredentialKind.AccessKey, name, secret, null, time.GetUtcNow(), null, null), cancellationToken);
        return new IssuedCredential(id, CredentialKind.AccessKey, name, secret);
    }

    public async Task<IssuedCredential> CreateBearerTokenAsync(string name, CancellationToken cancellationToken)
    {
        var id = "CNTK" + RandomString(16, Base32);
        var token = $"cnt_{id}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=')}";
        await store.Credentials.CreateAsync(new ApiCredential(id, CredentialKind.BearerToken, name, null, Hash(token), time.GetUtcNow(), null, null), cancellationToken);
        return new IssuedCredential(id, CredentialKind.BearerToken, name, token);
    }

    /// <summary>The credential id (the actor) for a valid bearer token, or null.</summary>
    public async Task<string?> AuthenticateBearerAsync(string token, CancellationToken cancellationToken)
    {
        if (settings.Api.BootstrapToken is { Length: > 0 } bootstrap
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(bootstrap)))
        {
            return BootstrapActor;
        }
        var parts = token.Split('_');
        if (parts.Length < 3 || parts[0] != "cnt")
        {
            return null;
        }
        var credential = await store.Credentials.GetAsync(parts[1], cancellationToken);
        if (credential is not { Kind: CredentialKind.BearerToken, RevokedAt: null, SecretHash: { } hash }
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Hash(token))))
        {
            return null;
        }
        await TouchAsync(credential, cancellationToken);
        return credential.Id;
    }

    /// <summary>The live access key with its secret, or null when unknown or revoked.</summary>
    public async Task<ApiCredential?> FindAccessKeyAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        var credential = await store.Credentials.GetAsync(accessKeyId, cancellationToken);
        if (credential is not { Kind: CredentialKind.AccessKey, RevokedAt: null, Secret: not null })
        {
            return null;
        }
        await TouchAsync(credential, cancellationToken);
        return credential;
    }

    /// <summary>On a first start (no credential at all, no configured bootstrap token): a token to print once.</summary>
    public async Task<IssuedCredential?> EnsureBootstrapAsync(CancellationToken cancellationToken)
    {
        if (settings.Api.BootstrapToken is { Length: > 0 } || (await store.Credentials.ListAsync(cancellationToken)).Count > 0)
        {
            return null;
        }
        return await CreateBearerTokenAsync("bootstrap", cancellationToken);
    }

    private async Task TouchAsync(ApiCredential credential, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (credential.LastUsedAt is null || now - credential.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await store.Credentials.TouchAsync(credential.Id, now, cancellationToken);
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string RandomString(int length, string alphabet) =>
        string.Create(length, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
}
