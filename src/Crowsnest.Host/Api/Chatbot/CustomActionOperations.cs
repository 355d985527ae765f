using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Host.Hosting;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>Custom actions and their associations with configurations.</summary>
internal sealed class CustomActionOperations(IStore store, CrowsnestSettings settings, TimeProvider time, AuditWriter audit)
{
    public void Register(IDictionary<string, ApiHandler> handlers)
    {
        handlers["CreateCustomAction"] = CreateAsync;
        handlers["UpdateCustomAction"] = UpdateAsync;
        handlers["GetCustomAction"] = GetAsync;
        handlers["DeleteCustomAction"] = DeleteAsync;
        handlers["ListCustomActions"] = ListAsync;
        handlers["AssociateToConfiguration"] = AssociateAsync;
        handlers["DisassociateFromConfiguration"] = DisassociateAsync;
        handlers["ListAssociations"] = ListAssociationsAsync;
    }

    private async Task<ApiOutcome> CreateAsync(ApiCall call)
    {
        var name = call.Str("ActionName")!;
        var document = Read(call, $"arn:aws:chatbot::{settings.Api.AccountId}:custom-action/{name}", name);
        var errors = ConfigurationValidator.Validate(document);
        if (errors.Count > 0)
        {
            return AwsError.InvalidRequest(ValidationError.Describe(errors));
        }
        var now = time.GetUtcNow();
        var result = await store.Resources.CreateAsync(
            new ResourceRecord(ResourceKinds.CustomAction, document.CustomActionArn, name, ConfigurationJson.Write(document), null, 0, now, now), call.CancellationToken);
        if (result == ResourceWriteResult.Conflict)
        {
            return AwsError.Conflict($"A custom action named {name} already exists.");
        }
        if (call.Tags() is { Count: > 0 } tags)
        {
            await store.Resources.SetTagsAsync(document.CustomActionArn, tags, call.CancellationToken);
        }
        await audit.WriteAsync(call, "custom-action.create", document.CustomActionArn, ConfigurationJson.Write(document));
        return new JsonObject { ["CustomActionArn"] = document.CustomActionArn };
    }

    private async Task<ApiOutcome> UpdateAsync(ApiCall call)
    {
        var arn = call.Str("CustomActionArn")!;
        var record = await store.Resources.GetAsync(ResourceKinds.CustomAction, arn, call.CancellationToken);
        if (record is null)
        {
            return AwsError.NotFound($"The custom action {arn} does not exist.");
        }
        var document = Read(call, arn, record.Name);
        var errors = ConfigurationValidator.Validate(document);
        if (errors.Count > 0)
        {
            return AwsError.InvalidRequest(ValidationError.Describe(errors));
        }
        var json = ConfigurationJson.Write(document);
        if (await store.Resources.UpdateAsync(record with { Document = json, UpdatedAt = time.GetUtcNow() }, record.Version, call.CancellationToken) != ResourceWriteResult.Ok)
        {
            return AwsError.Conflict("The custom action was changed by another request at the same time; retry.");
        }
        await audit.WriteAsync(call, "custom-action.update", arn, json);
        return new JsonObject { ["CustomActionArn"] = arn };
    }

    private async Task<ApiOutcome> GetAsync(ApiCall call)
    {
        var arn = call.Str("CustomActionArn")!;
        var record = await store.Resources.GetAsync(ResourceKinds.CustomAction, arn, call.CancellationToken);
        return record is null
            ? AwsError.NotFound($"The custom action {arn} does not exist.")
            : new JsonObject { ["CustomAction"] = JsonNode.Parse(record.Document) };
    }

    private async Task<ApiOutcome> DeleteAsync(ApiCall call)
    {
        var arn = call.Str("CustomActionArn")!;
        if (!await store.Resources.DeleteAsync(ResourceKinds.CustomAction, arn, call.CancellationToken))
        {
            return AwsError.NotFound($"The custom action {arn} does not exist.");
        }
        await audit.WriteAsync(call, "custom-action.delete", arn, null);
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> ListAsync(ApiCall call)
    {
        Page<ResourceRecord> page;
        try
        {
            page = await store.Resources.ListAsync(ResourceKinds.CustomAction, call.Int("MaxResults") ?? Paging.DefaultMaxResults, call.Str("NextToken"), call.CancellationToken);
        }
        catch (ArgumentException)
        {
            return Paging.BadToken("InvalidRequestException");
        }
        var output = new JsonObject { ["CustomActions"] = new JsonArray([.. page.Items.Select(r => (JsonNode)JsonValue.Create(r.Id))]) };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }

    private async Task<ApiOutcome> AssociateAsync(ApiCall call)
    {
        var (resource, configuration) = (call.Str("Resource")!, call.Str("ChatConfiguration")!);
        if (await store.Resources.GetAsync(ResourceKinds.CustomAction, resource, call.CancellationToken) is null)
        {
            return AwsError.InvalidRequest($"The custom action {resource} does not exist.");
        }
        if (await store.Resources.GetAsync(ResourceKinds.Configuration, configuration, call.CancellationToken) is null)
        {
            return AwsError.InvalidRequest($"The configuration {configuration} does not exist.");
        }
        await store.Resources.AssociateAsync(configuration, resource, call.CancellationToken);
        await audit.WriteAsync(call, "configuration.associate", configuration, JsonSerializer.Serialize(resource));
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> DisassociateAsync(ApiCall call)
    {
        var (resource, configuration) = (call.Str("Resource")!, call.Str("ChatConfiguration")!);
        if (!await store.Resources.DisassociateAsync(configuration, resource, call.CancellationToken))
        {
            return AwsError.InvalidRequest($"The custom action {resource} is not associated with {configuration}.");
        }
        await audit.WriteAsync(call, "configuration.disassociate", configuration, JsonSerializer.Serialize(resource));
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> ListAssociationsAsync(ApiCall call)
    {
        Page<string> page;
        try
        {
            page = await store.Resources.ListAssociationsAsync(call.Str("ChatConfiguration")!, call.Int("MaxResults") ?? Paging.DefaultMaxResults, call.Str("NextToken"), call.CancellationToken);
        }
        catch (ArgumentException)
        {
            return Paging.BadToken("InvalidRequestException");
        }
        var output = new JsonObject { ["Associations"] = new JsonArray([.. page.Items.Select(r => (JsonNode)new JsonObject { ["Resource"] = r })]) };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }

    private static CustomActionDocument Read(ApiCall call, string arn, string name)
    {
        var definition = call.Input.GetProperty("Definition");
        var attachments = call.Input.TryGetProperty("Attachments", out var a) && a.ValueKind == JsonValueKind.Array
            ? JsonSerializer.Deserialize(a.GetRawText(), ConfigurationJson.Default.IReadOnlyListCustomActionAttachment) ?? []
            : [];
        return new CustomActionDocument
        {
            CustomActionArn = arn,
            ActionName = name,
            Definition = new CustomActionDefinition(definition.GetProperty("CommandText").GetString()!),
            AliasName = call.Str("AliasName"),
            Attachments = attachments,
        };
    }
}
