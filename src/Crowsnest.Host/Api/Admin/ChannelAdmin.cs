using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Host.Api.Chatbot;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Admin;

/// <summary>
/// Crowsnest's own configuration operations: any target type (Slack, Teams, Chime, generic webhook, console inbox),
/// event filters, the unrecognised-event policy, intake sources, and Slack workspace registration by token.
/// Inputs use the stored document's field names; secrets (<c>WebhookUrl</c>, <c>SigningSecret</c>, <c>BotToken</c>, <c>AppToken</c>) are accepted, never returned.
/// </summary>
internal sealed class ChannelAdmin(ConfigurationRepository configurations, IStore store, TimeProvider time, AuditWriter audit, SlackChannelCheck check)
{
    private static readonly string[] Fixed = ["ChatConfigurationArn", "ConfigurationName", "TargetType", "WebhookUrl", "SigningSecret", "Tags"];

    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("CreateChannelConfiguration", "/crowsnest/create-channel-configuration", CreateAsync);
        yield return ("UpdateChannelConfiguration", "/crowsnest/update-channel-configuration", UpdateAsync);
        yield return ("GetChannelConfiguration", "/crowsnest/get-channel-configuration", GetAsync);
        yield return ("ListChannelConfigurations", "/crowsnest/list-channel-configurations", ListAsync);
        yield return ("DeleteChannelConfiguration", "/crowsnest/delete-channel-configuration", DeleteAsync);
        yield return ("RegisterSlackWorkspace", "/crowsnest/register-slack-workspace", RegisterWorkspaceAsync);
    }

    private async Task<ApiOutcome> CreateAsync(ApiCall call)
    {
        var (name, type) = (call.Str("ConfigurationName"), call.Str("TargetType"));
        if (name is null || type is null || !TargetTypes.All.Contains(type))
        {
            return AwsError.InvalidParameter($"ConfigurationName and TargetType ({string.Join(", ", TargetTypes.All)}) are required.");
        }
        var json = JsonNode.Parse(call.Input.GetRawText())!.AsObject();
        json["ChatConfigurationArn"] = configurations.ArnFor(type, name);
        foreach (var secret in new[] { "WebhookUrl", "SigningSecret", "Tags" })
        {
            json.Remove(secret);
        }
        if (ConfigurationJson.Read<ChannelConfigurationDocument>(json.ToJsonString()) is not { } document)
        {
            return AwsError.InvalidParameter("The request does not fit the channel configuration shape (check the field types).");
        }
        var error = await configurations.CreateAsync(document, SecretsOf(call, null), call.Tags(), call, check);
        return error is not null ? (ApiOutcome)error : new JsonObject { ["ChannelConfiguration"] = ConfigurationViews.Any(document, await configurations.TagsAsync(document.ChatConfigurationArn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> UpdateAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn") ?? "";
        var current = await configurations.GetAsync(arn, null, call.CancellationToken);
        if (current is null)
        {
            return AwsError.NotFound($"The configuration {arn} does not exist.");
        }
        var json = JsonNode.Parse(ConfigurationJson.Write(current.Document))!.AsObject();
        foreach (var property in JsonNode.Parse(call.Input.GetRawText())!.AsObject())
        {
            if (!Fixed.Contains(property.Key))
            {
                json[property.Key] = property.Value?.DeepClone();
            }
        }
        if (ConfigurationJson.Read<ChannelConfigurationDocument>(json.ToJsonString()) is not { } document)
        {
            return AwsError.InvalidParameter("The request does not fit the channel configuration shape (check the field types).");
        }
        var error = await configurations.UpdateAsync(current, document, SecretsOf(call, current.Secrets), call, check);
        return error is not null ? (ApiOutcome)error : new JsonObject { ["ChannelConfiguration"] = ConfigurationViews.Any(document, await configurations.TagsAsync(arn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> GetAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn") ?? "";
        var current = await configurations.GetAsync(arn, null, call.CancellationToken);
        return current is null
            ? AwsError.NotFound($"The configuration {arn} does not exist.")
            : new JsonObject { ["ChannelConfiguration"] = ConfigurationViews.Any(current.Document, await configurations.TagsAsync(arn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> ListAsync(ApiCall call)
    {
        var all = await configurations.ListAsync(call.Str("TargetType"), call.CancellationToken);
        if (Paging.Page(all, c => c.ChatConfigurationArn, call.Int("MaxResults"), call.Str("NextToken")) is not { } page)
        {
            return Paging.BadToken();
        }
        var items = new JsonArray();
        foreach (var c in page.Items)
        {
            items.Add(ConfigurationViews.Any(c, await configurations.TagsAsync(c.ChatConfigurationArn, call.CancellationToken)));
        }
        var output = new JsonObject { ["ChannelConfigurations"] = items };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }

    private async Task<ApiOutcome> DeleteAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn") ?? "";
        return await configurations.DeleteAsync(arn, call) ? ApiOutcome.Empty : AwsError.NotFound($"The configuration {arn} does not exist.");
    }

    private async Task<ApiOutcome> RegisterWorkspaceAsync(ApiCall call)
    {
        var document = new SlackWorkspaceDocument { SlackTeamId = call.Str("SlackTeamId")!, SlackTeamName = call.Str("SlackTeamName")!, SocketMode = call.Bool("SocketMode") ?? false };
        var secrets = new SlackWorkspaceSecrets { BotToken = call.Str("BotToken")!, SigningSecret = call.Str("SigningSecret")!, AppToken = call.Str("AppToken") };
        var errors = ConfigurationValidator.Validate(document, secrets);
        if (errors.Count > 0)
        {
            return AwsError.InvalidParameter(ValidationError.Describe(errors));
        }
        var now = time.GetUtcNow();
        var record = new ResourceRecord(ResourceKinds.SlackWorkspace, document.SlackTeamId, document.SlackTeamId, ConfigurationJson.Write(document), ConfigurationJson.Write(secrets), 0, now, now);
        var existing = await store.Resources.GetAsync(ResourceKinds.SlackWorkspace, document.SlackTeamId, call.CancellationToken);
        var result = existing is null
            ? await store.Resources.CreateAsync(record, call.CancellationToken)
            : await store.Resources.UpdateAsync(record, existing.Version, call.CancellationToken);
        if (result != ResourceWriteResult.Ok)
        {
            return AwsError.Conflict("The workspace was changed by another request at the same time; retry.");
        }
        await audit.WriteAsync(call, existing is null ? "slack-workspace.create" : "slack-workspace.update", document.SlackTeamId, ConfigurationJson.Write(document));
        return new JsonObject { ["SlackWorkspace"] = new JsonObject { ["SlackTeamId"] = document.SlackTeamId, ["SlackTeamName"] = document.SlackTeamName, ["State"] = document.State, ["SocketMode"] = document.SocketMode } };
    }

    private static ChannelSecrets SecretsOf(ApiCall call, ChannelSecrets? current) => new()
    {
        WebhookUrl = call.Str("WebhookUrl") ?? current?.WebhookUrl,
        SigningSecret = call.Str("SigningSecret") ?? current?.SigningSecret,
    };
}
