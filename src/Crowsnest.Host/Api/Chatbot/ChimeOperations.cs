using System.Text.Json.Nodes;
using Crowsnest.Configuration;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>The Amazon Chime webhook configuration operations. The webhook URL is a secret and never returned.</summary>
internal sealed class ChimeOperations(ConfigurationRepository configurations)
{
    public void Register(IDictionary<string, ApiHandler> handlers)
    {
        handlers["CreateChimeWebhookConfiguration"] = CreateAsync;
        handlers["UpdateChimeWebhookConfiguration"] = UpdateAsync;
        handlers["DeleteChimeWebhookConfiguration"] = DeleteAsync;
        handlers["DescribeChimeWebhookConfigurations"] = DescribeAsync;
    }

    private async Task<ApiOutcome> CreateAsync(ApiCall call)
    {
        var name = call.Str("ConfigurationName")!;
        var document = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = configurations.ArnFor(TargetTypes.ChimeWebhook, name),
            ConfigurationName = name,
            TargetType = TargetTypes.ChimeWebhook,
            WebhookDescription = call.Str("WebhookDescription"),
            SnsTopicArns = call.StrList("SnsTopicArns") ?? [],
            IamRoleArn = call.Str("IamRoleArn"),
            LoggingLevel = call.Str("LoggingLevel") ?? "NONE",
        };
        var secrets = new ChannelSecrets { WebhookUrl = call.Str("WebhookUrl") };
        var error = await configurations.CreateAsync(document, secrets, call.Tags(), call);
        return error is not null ? (ApiOutcome)error : new JsonObject { ["WebhookConfiguration"] = ConfigurationViews.Chime(document, await configurations.TagsAsync(document.ChatConfigurationArn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> UpdateAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn")!;
        var current = await configurations.GetAsync(arn, TargetTypes.ChimeWebhook, call.CancellationToken);
        if (current is null)
        {
            return AwsError.NotFound($"The Chime webhook configuration {arn} does not exist.");
        }
        var d = current.Document;
        var updated = d with
        {
            WebhookDescription = call.Str("WebhookDescription") ?? d.WebhookDescription,
            SnsTopicArns = call.StrList("SnsTopicArns") ?? d.SnsTopicArns,
            IamRoleArn = call.Str("IamRoleArn") ?? d.IamRoleArn,
            LoggingLevel = call.Str("LoggingLevel") ?? d.LoggingLevel,
        };
        var secrets = (current.Secrets ?? new ChannelSecrets()) with { WebhookUrl = call.Str("WebhookUrl") ?? current.Secrets?.WebhookUrl };
        var error = await configurations.UpdateAsync(current, updated, secrets, call);
        return error is not null ? (ApiOutcome)error : new JsonObject { ["WebhookConfiguration"] = ConfigurationViews.Chime(updated, await configurations.TagsAsync(arn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> DeleteAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn")!;
        if (await configurations.GetAsync(arn, TargetTypes.ChimeWebhook, call.CancellationToken) is null || !await configurations.DeleteAsync(arn, call))
        {
            return AwsError.NotFound($"The Chime webhook configuration {arn} does not exist.");
        }
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> DescribeAsync(ApiCall call)
    {
        var all = await configurations.ListAsync(TargetTypes.ChimeWebhook, call.CancellationToken);
        if (call.Str("ChatConfigurationArn") is { } arn)
        {
            all = [.. all.Where(c => c.ChatConfigurationArn == arn)];
        }
        if (Paging.Page(all, c => c.ChatConfigurationArn, call.Int("MaxResults"), call.Str("NextToken")) is not { } page)
        {
            return Paging.BadToken();
        }
        var items = new JsonArray();
        foreach (var c in page.Items)
        {
            items.Add(ConfigurationViews.Chime(c, await configurations.TagsAsync(c.ChatConfigurationArn, call.CancellationToken)));
        }
        var output = new JsonObject { ["WebhookConfigurations"] = items };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }
}
