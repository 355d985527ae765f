using System.Text.Json.Nodes;
using Crowsnest.Host.Api.Auth;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Admin;

/// <summary>API credentials: issue access keys and bearer tokens (secret shown once), list, revoke.</summary>
internal sealed class CredentialOperations(ApiCredentialService credentials, IStore store, TimeProvider time, AuditWriter audit)
{
    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("CreateAccessKey", "/crowsnest/create-access-key", call => CreateAsync(call, call.Str("Kind") == "api-token" ? CredentialKind.BearerToken : CredentialKind.AccessKey));
        yield return ("CreateApiToken", "/crowsnest/create-api-token", call => CreateAsync(call, CredentialKind.BearerToken));
        yield return ("ListCredentials", "/crowsnest/list-credentials", ListAsync);
        yield return ("RevokeCredential", "/crowsnest/revoke-credential", RevokeAsync);
    }

    private async Task<ApiOutcome> CreateAsync(ApiCall call, CredentialKind kind)
    {
        var name = call.Str("Name") ?? "unnamed";
        if (name.Length is 0 or > 128)
        {
            return AwsError.InvalidParameter("Value at 'name' failed to satisfy constraint: Member must have length between 1 and 128");
        }
        var issued = kind == CredentialKind.AccessKey
            ? await credentials.CreateAccessKeyAsync(name, call.CancellationToken)
            : await credentials.CreateBearerTokenAsync(name, call.CancellationToken);
        await audit.WriteAsync(call, kind == CredentialKind.AccessKey ? "api-key.create" : "api-token.create", issued.Id, null);
        return kind == CredentialKind.AccessKey
            ? new JsonObject { ["AccessKeyId"] = issued.Id, ["SecretAccessKey"] = issued.Secret, ["Name"] = name }
            : new JsonObject { ["TokenId"] = issued.Id, ["Token"] = issued.Secret, ["Name"] = name };
    }

    private async Task<ApiOutcome> ListAsync(ApiCall call)
    {
        var items = new JsonArray();
        foreach (var c in await store.Credentials.ListAsync(call.CancellationToken))
        {
            items.Add(new JsonObject
            {
                ["Id"] = c.Id,
                ["Kind"] = c.Kind == CredentialKind.AccessKey ? "access-key" : "api-token",
                ["Name"] = c.Name,
                ["CreatedAt"] = c.CreatedAt.ToString("O"),
                ["LastUsedAt"] = c.LastUsedAt?.ToString("O"),
                ["RevokedAt"] = c.RevokedAt?.ToString("O"),
            });
        }
        return new JsonObject { ["Credentials"] = items };
    }

    private async Task<ApiOutcome> RevokeAsync(ApiCall call)
    {
        var id = call.Str("Id");
        if (string.IsNullOrEmpty(id))
        {
            return AwsError.InvalidParameter("Value null at 'id' failed to satisfy constraint: Member must not be null");
        }
        if (!await store.Credentials.RevokeAsync(id, time.GetUtcNow(), call.CancellationToken))
        {
            return AwsError.NotFound($"The credential {id} does not exist or is already revoked.");
        }
        await audit.WriteAsync(call, "credential.revoke", id, null);
        return ApiOutcome.Empty;
    }
}
