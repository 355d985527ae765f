using System.Text.Json.Nodes;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Admin;

/// <summary>Chat command aliases of one channel (created from chat): list and delete.</summary>
internal sealed class AliasOperations(IStore store, AuditWriter audit)
{
    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("ListAliases", "/crowsnest/list-aliases", ListAsync);
        yield return ("DeleteAlias", "/crowsnest/delete-alias", DeleteAsync);
    }

    private async Task<ApiOutcome> ListAsync(ApiCall call)
    {
        if (call.Str("ChannelKey") is not { Length: > 0 } channel)
        {
            return AwsError.InvalidParameter("1 validation error detected: Value at 'channelKey' must name a chat channel (e.g. slack:T0123ABCD:C0123ABCD)");
        }
        var items = new JsonArray();
        foreach (var alias in await store.Aliases.ListAsync(channel, call.CancellationToken))
        {
            items.Add(new JsonObject
            {
                ["ChannelKey"] = alias.ChannelKey,
                ["Name"] = alias.Name,
                ["Command"] = alias.Command,
                ["CreatedBy"] = alias.CreatedBy,
                ["CreatedAt"] = alias.CreatedAt.ToString("O"),
            });
        }
        return new JsonObject { ["Aliases"] = items };
    }

    private async Task<ApiOutcome> DeleteAsync(ApiCall call)
    {
        var (channel, name) = (call.Str("ChannelKey") ?? "", call.Str("Name") ?? "");
        if (!await store.Aliases.DeleteAsync(channel, name, call.CancellationToken))
        {
            return AwsError.NotFound($"No alias {name} in {channel}.");
        }
        await audit.WriteAsync(call, "alias.delete", channel, name);
        return ApiOutcome.Empty;
    }
}
