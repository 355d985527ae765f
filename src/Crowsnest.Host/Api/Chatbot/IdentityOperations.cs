using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>Slack workspaces and the Slack and Teams user identities.</summary>
internal sealed class IdentityOperations(ConfigurationRepository configurations, IStore store, AuditWriter audit)
{
    public void Register(IDictionary<string, ApiHandler> handlers)
    {
        handlers["DescribeSlackWorkspaces"] = DescribeWorkspacesAsync;
        handlers["DeleteSlackWorkspaceAuthorization"] = DeleteWorkspaceAsync;
        handlers["DescribeSlackUserIdentities"] = call => ListIdentitiesAsync(call, "slack", "SlackUserIdentities");
        handlers["ListMicrosoftTeamsUserIdentities"] = call => ListIdentitiesAsync(call, "teams", "TeamsUserIdentities");
        handlers["DeleteSlackUserIdentity"] = call => DeleteIdentityAsync(call, IdentityId(call.Str("ChatConfigurationArn")!, "slack", call.Str("SlackUserId")!));
        handlers["DeleteMicrosoftTeamsUserIdentity"] = call => DeleteIdentityAsync(call, IdentityId(call.Str("ChatConfigurationArn")!, "teams", call.Str("UserId")!));
    }

    /// <summary>The store id of a user identity.</summary>
    public static string IdentityId(string configurationArn, string platform, string userId) => $"{configurationArn}|{platform}|{userId}";

    private async Task<ApiOutcome> DescribeWorkspacesAsync(ApiCall call)
    {
        var records = await store.Resources.ListAllAsync([ResourceKinds.SlackWorkspace], call.CancellationToken);
        var workspaces = records.Select(r => ConfigurationJson.Read<SlackWorkspaceDocument>(r.Document)).OfType<SlackWorkspaceDocument>()
            .OrderBy(w => w.SlackTeamId, StringComparer.Ordinal).ToList();
        if (Paging.Page(workspaces, w => w.SlackTeamId, call.Int("MaxResults"), call.Str("NextToken")) is not { } page)
        {
            return Paging.BadToken();
        }
        var items = new JsonArray();
        foreach (var w in page.Items)
        {
            items.Add(new JsonObject { ["SlackTeamId"] = w.SlackTeamId, ["SlackTeamName"] = w.SlackTeamName, ["State"] = w.State });
        }
        var output = new JsonObject { ["SlackWorkspaces"] = items };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }

    private async Task<ApiOutcome> DeleteWorkspaceAsync(ApiCall call)
    {
        var team = call.Str("SlackTeamId")!;
        var remaining = (await configurations.ListAsync(TargetTypes.SlackChannel, call.CancellationToken)).Count(c => c.SlackTeamId == team);
        if (remaining > 0)
        {
            return AwsError.InvalidParameter($"The workspace {team} still has {remaining} channel configuration(s); delete them first.");
        }
        if (await store.Resources.DeleteAsync(ResourceKinds.SlackWorkspace, team, call.CancellationToken))
        {
            await audit.WriteAsync(call, "slack-workspace.delete", team, null);
        }
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> ListIdentitiesAsync(ApiCall call, string platform, string member)
    {
        var records = await store.Resources.ListAllAsync([ResourceKinds.UserIdentity], call.CancellationToken);
        var arn = call.Str("ChatConfigurationArn");
        var identities = records
            .Select(r => (r.Id, Document: ConfigurationJson.Read<UserIdentityDocument>(r.Document)))
            .Where(p => p.Document is not null && p.Document.Platform == platform && (arn is null || p.Document.ChatConfigurationArn == arn))
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (Paging.Page(identities, p => p.Id, call.Int("MaxResults"), call.Str("NextToken")) is not { } page)
        {
            return Paging.BadToken();
        }
        var items = new JsonArray();
        foreach (var (_, d) in page.Items)
        {
            items.Add(View(d!));
        }
        var output = new JsonObject { [member] = items };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }

    /// <summary>An identity as the AWS Chatbot API shows it (a <c>SlackUserIdentity</c> or a <c>TeamsUserIdentity</c>).</summary>
    public static JsonObject View(UserIdentityDocument d)
    {
        var item = new JsonObject { ["IamRoleArn"] = d.IamRoleArn, ["ChatConfigurationArn"] = d.ChatConfigurationArn };
        if (d.Platform == "slack")
        {
            item["SlackTeamId"] = d.SlackTeamId;
            item["SlackUserId"] = d.UserId;
        }
        else
        {
            item["TeamId"] = d.TeamId;
            item["UserId"] = d.UserId;
            item["TeamsChannelId"] = d.TeamsChannelId;
            item["TeamsTenantId"] = d.TenantId;
        }
        if (d.AwsUserIdentity is not null)
        {
            item["AwsUserIdentity"] = d.AwsUserIdentity;
        }
        return item;
    }

    private async Task<ApiOutcome> DeleteIdentityAsync(ApiCall call, string id)
    {
        if (!await store.Resources.DeleteAsync(ResourceKinds.UserIdentity, id, call.CancellationToken))
        {
            return AwsError.NotFound("The user identity does not exist.");
        }
        await audit.WriteAsync(call, "user-identity.delete", call.Str("ChatConfigurationArn"), null);
        return ApiOutcome.Empty;
    }
}
