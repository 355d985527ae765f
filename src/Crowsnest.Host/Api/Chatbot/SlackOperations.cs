using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>The Slack channel configuration operations of the AWS Chatbot API.</summary>
internal sealed class SlackOperations(ConfigurationRepository configurations, IStore store, SlackChannelCheck check)
{
    public void Register(IDictionary<string, ApiHandler> handlers)
    {
        handlers["CreateSlackChannelConfiguration"] = CreateAsync;
        handlers["UpdateSlackChannelConfiguration"] = UpdateAsync;
        handlers["DeleteSlackChannelConfiguration"] = DeleteAsync;
        handlers["DescribeSlackChannelConfigurations"] = DescribeAsync;
    }

    private async Task<ApiOutcome> CreateAsync(ApiCall call)
    {
        var teamId = call.Str("SlackTeamId")!;
        var workspace = await store.Resources.GetAsync(ResourceKinds.SlackWorkspace, teamId, call.CancellationToken);
        var name = call.Str("ConfigurationName")!;
        var document = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = configurations.ArnFor(TargetTypes.SlackChannel, name),
            ConfigurationName = name,
            TargetType = TargetTypes.SlackChannel,
            SlackTeamId = teamId,
            SlackTeamName = workspace is null ? null : ConfigurationJson.Read<SlackWorkspaceDocument>(workspace.Document)?.SlackTeamName,
            SlackChannelId = call.Str("SlackChannelId"),
            SlackChannelName = call.Str("SlackChannelName"),
            SnsTopicArns = call.StrList("SnsTopicArns") ?? [],
            IamRoleArn = call.Str("IamRoleArn"),
            GuardrailPolicyArns = call.StrList("GuardrailPolicyArns") ?? [],
            LoggingLevel = call.Str("LoggingLevel") ?? "NONE",
            UserAuthorizationRequired = call.Bool("UserAuthorizationRequired") ?? false,
        };
        var error = await configurations.CreateAsync(document, null, call.Tags(), call, check);
        return error is not null ? (ApiOutcome)error : new JsonObject { ["ChannelConfiguration"] = ConfigurationViews.Slack(document, await configurations.TagsAsync(document.ChatConfigurationArn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> UpdateAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn")!;
        var current = await configurations.GetAsync(arn, TargetTypes.SlackChannel, call.CancellationToken);
        if (current is null)
        {
            return AwsError.NotFound($"The Slack channel configuration {arn} does not exist.");
        }
        var d = current.Document;
        var updated = d with
        {
            SlackChannelId = call.Str("SlackChannelId"),
            SlackChannelName = call.Has("SlackChannelName") ? call.Str("SlackChannelName") : (call.Str("SlackChannelId") == d.SlackChannelId ? d.SlackChannelName : null),
            SnsTopicArns = call.StrList("SnsTopicArns") ?? d.SnsTopicArns,
            IamRoleArn = call.Str("IamRoleArn") ?? d.IamRoleArn,
            LoggingLevel = call.Str("LoggingLevel") ?? d.LoggingLevel,
            GuardrailPolicyArns = call.StrList("GuardrailPolicyArns") ?? d.GuardrailPolicyArns,
            UserAuthorizationRequired = call.Bool("UserAuthorizationRequired") ?? d.UserAuthorizationRequired,
        };
        var error = await configurations.UpdateAsync(current, updated, current.Secrets, call, check);
        return error is not null ? (ApiOutcome)error : new JsonObject { ["ChannelConfiguration"] = ConfigurationViews.Slack(updated, await configurations.TagsAsync(arn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> DeleteAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn")!;
        if (await configurations.GetAsync(arn, TargetTypes.SlackChannel, call.CancellationToken) is null || !await configurations.DeleteAsync(arn, call))
        {
            return AwsError.NotFound($"The Slack channel configuration {arn} does not exist.");
        }
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> DescribeAsync(ApiCall call)
    {
        var all = await configurations.ListAsync(TargetTypes.SlackChannel, call.CancellationToken);
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
            items.Add(ConfigurationViews.Slack(c, await configurations.TagsAsync(c.ChatConfigurationArn, call.CancellationToken)));
        }
        var output = new JsonObject { ["SlackChannelConfigurations"] = items };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }
}
