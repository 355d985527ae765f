using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>Get/UpdateAccountPreferences: one record of kind <c>account-preferences</c>.</summary>
internal sealed class AccountOperations(IStore store, TimeProvider time, AuditWriter audit)
{
    public void Register(IDictionary<string, ApiHandler> handlers)
    {
        handlers["GetAccountPreferences"] = async call => View(await ReadAsync(call.CancellationToken));
        handlers["UpdateAccountPreferences"] = UpdateAsync;
    }

    private async Task<ApiOutcome> UpdateAsync(ApiCall call)
    {
        for (var attempt = 0; ; attempt++)
        {
            var record = await store.Resources.GetAsync(ResourceKinds.AccountPreferences, AccountPreferencesDocument.Id, call.CancellationToken);
            var current = record is null ? new AccountPreferencesDocument() : ConfigurationJson.Read<AccountPreferencesDocument>(record.Document) ?? new();
            var updated = current with
            {
                UserAuthorizationRequired = call.Bool("UserAuthorizationRequired") ?? current.UserAuthorizationRequired,
                TrainingDataCollectionEnabled = call.Bool("TrainingDataCollectionEnabled") ?? current.TrainingDataCollectionEnabled,
            };
            var now = time.GetUtcNow();
            var json = ConfigurationJson.Write(updated);
            var result = record is null
                ? await store.Resources.CreateAsync(new ResourceRecord(ResourceKinds.AccountPreferences, AccountPreferencesDocument.Id, AccountPreferencesDocument.Id, json, null, 0, now, now), call.CancellationToken)
                : await store.Resources.UpdateAsync(record with { Document = json, UpdatedAt = now }, record.Version, call.CancellationToken);
            if (result == ResourceWriteResult.Ok)
            {
                await audit.WriteAsync(call, "account-preferences.update", null, json);
                return View(updated);
            }
            if (attempt >= 3)
            {
                return AwsError.Conflict("The account preferences were changed by another request at the same time; retry.");
            }
        }
    }

    private async Task<AccountPreferencesDocument> ReadAsync(CancellationToken cancellationToken)
    {
        var record = await store.Resources.GetAsync(ResourceKinds.AccountPreferences, AccountPreferencesDocument.Id, cancellationToken);
        return record is null ? new AccountPreferencesDocument() : ConfigurationJson.Read<AccountPreferencesDocument>(record.Document) ?? new();
    }

    private static JsonObject View(AccountPreferencesDocument p) => new()
    {
        ["AccountPreferences"] = new JsonObject
        {
            ["UserAuthorizationRequired"] = p.UserAuthorizationRequired,
            ["TrainingDataCollectionEnabled"] = p.TrainingDataCollectionEnabled,
        },
    };
}
