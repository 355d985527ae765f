using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Crowsnest.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Crowsnest.Host.Api.Admin;

/// <summary>
/// A new key for the stored secrets: after a change of key-ring certificate (or a suspected leak of a key), every
/// secret is encrypted again with a key wrapped by the current certificate, so the old certificate can be retired.
/// </summary>
internal sealed class SecretsAdmin(IStore store, IKeyManager keys, IDataProtectionProvider protection, IOptions<KeyManagementOptions> options,
    TimeProvider time, AuditWriter audit)
{
    private static readonly TimeSpan KeyInUseWait = TimeSpan.FromSeconds(30);

    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("RotateSecretsKey", "/crowsnest/rotate-secrets-key", RotateAsync);
    }

    private async Task<ApiOutcome> RotateAsync(ApiCall call)
    {
        var now = time.GetUtcNow();
        // Activated at once, it is the newest key and so the default once the key ring has been read again.
        var key = keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
        if (!await InUseAsync(key.KeyId, call.CancellationToken))
        {
            await audit.WriteAsync(call, "secrets.rotate-key", key.KeyId.ToString(), null, "failed: the new key did not come into use");
            return AwsError.InvalidRequest($"The new key {key.KeyId} did not come into use within {KeyInUseWait.TotalSeconds:0} seconds; nothing was encrypted again.");
        }
        int resources;
        int credentials;
        try
        {
            resources = await store.Resources.ReprotectSecretsAsync(call.CancellationToken);
            credentials = await store.Credentials.ReprotectSecretsAsync(call.CancellationToken);
        }
        catch (CryptographicException e)
        {
            await audit.WriteAsync(call, "secrets.rotate-key", key.KeyId.ToString(), null, "failed");
            return AwsError.InvalidRequest(e.Message);
        }
        await audit.WriteAsync(call, "secrets.rotate-key", key.KeyId.ToString(), $"{resources} resources, {credentials} credentials");
        return new JsonObject { ["KeyId"] = key.KeyId.ToString(), ["Resources"] = resources, ["Credentials"] = credentials };
    }

    // The key ring is read again in the background once a key is added, so the old default key may still be used for a
    // moment. A protected payload names its key right after the 4-byte magic header (Data Protection's payload format).
    private async Task<bool> InUseAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var probe = protection.CreateProtector("Crowsnest.KeyRotationProbe");
        var deadline = time.GetUtcNow() + KeyInUseWait;
        while (true)
        {
            var payload = probe.Protect([0]);
            if (payload.Length >= 20 && new Guid(payload.AsSpan(4, 16)) == keyId)
            {
                return true;
            }
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }
}
