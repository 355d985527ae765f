using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>TagResource, UntagResource, ListTagsForResource on configurations and custom actions (at most 200 tags).</summary>
internal sealed class TagOperations(IStore store, AuditWriter audit)
{
    private const int MaxTags = 200;

    public void Register(IDictionary<string, ApiHandler> handlers)
    {
        handlers["TagResource"] = TagAsync;
        handlers["UntagResource"] = UntagAsync;
        handlers["ListTagsForResource"] = ListAsync;
    }

    private async Task<bool> ExistsAsync(string arn, CancellationToken cancellationToken) =>
        await store.Resources.GetAsync(ResourceKinds.Configuration, arn, cancellationToken) is not null
        || await store.Resources.GetAsync(ResourceKinds.CustomAction, arn, cancellationToken) is not null;

    private async Task<ApiOutcome> TagAsync(ApiCall call)
    {
        var arn = call.Str("ResourceARN")!;
        if (!await ExistsAsync(arn, call.CancellationToken))
        {
            return AwsError.NotFound($"The resource {arn} does not exist.");
        }
        var tags = call.Tags();
        var existing = await store.Resources.GetTagsAsync(arn, call.CancellationToken);
        if (existing.Select(t => t.Key).Union(tags.Select(t => t.Key)).Count() > MaxTags)
        {
            return new AwsError("TooManyTagsException", $"A resource can have at most {MaxTags} tags.");
        }
        await store.Resources.SetTagsAsync(arn, tags, call.CancellationToken);
        await audit.WriteAsync(call, "tags.set", arn, JsonSerializer.Serialize(tags.Select(t => t.Key).ToArray()));
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> UntagAsync(ApiCall call)
    {
        var arn = call.Str("ResourceARN")!;
        if (!await ExistsAsync(arn, call.CancellationToken))
        {
            return AwsError.NotFound($"The resource {arn} does not exist.");
        }
        var keys = call.StrList("TagKeys") ?? [];
        await store.Resources.RemoveTagsAsync(arn, keys, call.CancellationToken);
        await audit.WriteAsync(call, "tags.remove", arn, JsonSerializer.Serialize(keys));
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> ListAsync(ApiCall call)
    {
        var arn = call.Str("ResourceARN")!;
        if (!await ExistsAsync(arn, call.CancellationToken))
        {
            return AwsError.NotFound($"The resource {arn} does not exist.");
        }
        return new JsonObject { ["Tags"] = Chatbot.ConfigurationViews.TagList(await store.Resources.GetTagsAsync(arn, call.CancellationToken)) };
    }
}
