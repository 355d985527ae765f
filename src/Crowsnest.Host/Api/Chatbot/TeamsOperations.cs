using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>The Microsoft Teams channel configuration and configured-team operations.</summary>
internal sealed class TeamsOperations(ConfigurationRepository configurations, IStore store, TimeProvider time, AuditWriter audit)
{
    public void Register(IDictionary<string, ApiHandler> handlers)
    {
        handlers["CreateMicrosoftTeamsChannelConfiguration"] = CreateAsync;
        handlers["UpdateMicrosoftTeamsChannelConfiguration"] = UpdateAsync;
        handlers["DeleteMicrosoftTeamsChannelConfiguration"] = DeleteAsync;
        handlers["GetMicrosoftTeamsChannelConfiguration"] = GetAsync;
        handlers["ListMicrosoftTeamsChannelConfigurations"] = ListAsync;
        handlers["ListMicrosoftTeamsConfiguredTeams"] = ListTeamsAsync;
        handlers["DeleteMicrosoftTeamsConfiguredTeam"] = DeleteTeamAsync;
    }

    private async Task<ApiOutcome> CreateAsync(ApiCall call)
    {
        var name = call.Str("ConfigurationName")!;
        var document = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = configurations.ArnFor(TargetTypes.TeamsChannel, name),
            ConfigurationName = name,
            TargetType = TargetTypes.TeamsChannel,
            TenantId = call.Str("TenantId"),
            TeamId = call.Str("TeamId"),
            TeamName = call.Str("TeamName"),
            ChannelId = call.Str("ChannelId"),
            ChannelName = call.Str("ChannelName"),
            SnsTopicArns = call.StrList("SnsTopicArns") ?? [],
            IamRoleArn = call.Str("IamRoleArn"),
            GuardrailPolicyArns = call.StrList("GuardrailPolicyArns") ?? [],
            LoggingLevel = call.Str("LoggingLevel") ?? "NONE",
            UserAuthorizationRequired = call.Bool("UserAuthorizationRequired") ?? false,
        };
        var error = await configurations.CreateAsync(document, null, call.Tags(), call);
        if (error is not null)
        {
            return error;
        }
        await EnsureTeamAsync(document, call.CancellationToken);
        return new JsonObject { ["ChannelConfiguration"] = ConfigurationViews.Teams(document, await configurations.TagsAsync(document.ChatConfigurationArn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> UpdateAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn")!;
        var current = await configurations.GetAsync(arn, TargetTypes.TeamsChannel, call.CancellationToken);
        if (current is null)
        {
            return AwsError.NotFound($"The Microsoft Teams channel configuration {arn} does not exist.");
        }
        var d = current.Document;
        var updated = d with
        {
            ChannelId = call.Str("ChannelId"),
            ChannelName = call.Str("ChannelName") ?? d.ChannelName,
            SnsTopicArns = call.StrList("SnsTopicArns") ?? d.SnsTopicArns,
            IamRoleArn = call.Str("IamRoleArn") ?? d.IamRoleArn,
            LoggingLevel = call.Str("LoggingLevel") ?? d.LoggingLevel,
            GuardrailPolicyArns = call.StrList("GuardrailPolicyArns") ?? d.GuardrailPolicyArns,
            UserAuthorizationRequired = call.Bool("UserAuthorizationRequired") ?? d.UserAuthorizationRequired,
        };
        var error = await configurations.UpdateAsync(current, updated, current.Secrets, call);
        return error is not null ? (ApiOutcome)error : new JsonObject { ["ChannelConfiguration"] = ConfigurationViews.Teams(updated, await configurations.TagsAsync(arn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> DeleteAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn")!;
        if (await configurations.GetAsync(arn, TargetTypes.TeamsChannel, call.CancellationToken) is null || !await configurations.DeleteAsync(arn, call))
        {
            return AwsError.NotFound($"The Microsoft Teams channel configuration {arn} does not exist.");
        }
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> GetAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn")!;
        var current = await configurations.GetAsync(arn, TargetTypes.TeamsChannel, call.CancellationToken);
        return current is null
            ? AwsError.NotFound($"The Microsoft Teams channel configuration {arn} does not exist.")
            : new JsonObject { ["ChannelConfiguration"] = ConfigurationViews.Teams(current.Document, await configurations.TagsAsync(arn, call.CancellationToken)) };
    }

    private async Task<ApiOutcome> ListAsync(ApiCall call)
    {
        var all = await configurations.ListAsync(TargetTypes.TeamsChannel, call.CancellationToken);
        if (call.Str("TeamId") is { } team)
        {
            all = [.. all.Where(c => string.Equals(c.TeamId, team, StringComparison.OrdinalIgnoreCase))];
        }
        if (Paging.Page(all, c => c.ChatConfigurationArn, call.Int("MaxResults"), call.Str("NextToken")) is not { } page)
        {
            return Paging.BadToken();
        }
        var items = new JsonArray();
        foreach (var c in page.Items)
        {
            items.Add(ConfigurationViews.Teams(c, await configurations.TagsAsync(c.ChatConfigurationArn, call.CancellationToken)));
        }
        var output = new JsonObject { ["TeamChannelConfigurations"] = items };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }

    private async Task<ApiOutcome> ListTeamsAsync(ApiCall call)
    {
        var records = await store.Resources.ListAllAsync([ResourceKinds.TeamsTeam], call.CancellationToken);
        var teams = records.Select(r => ConfigurationJson.Read<TeamsTeamDocument>(r.Document)).OfType<TeamsTeamDocument>().OrderBy(t => t.TeamId, StringComparer.Ordinal).ToList();
        if (Paging.Page(teams, t => t.TeamId, call.Int("MaxResults"), call.Str("NextToken")) is not { } page)
        {
            return Paging.BadToken();
        }
        var items = new JsonArray();
        foreach (var t in page.Items)
        {
            var item = new JsonObject { ["TenantId"] = t.TenantId, ["TeamId"] = t.TeamId, ["State"] = t.State };
            items.Add(item);
        }
        var output = new JsonObject { ["ConfiguredTeams"] = items };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }

    private async Task<ApiOutcome> DeleteTeamAsync(ApiCall call)
    {
        var team = call.Str("TeamId")!;
        var remaining = (await configurations.ListAsync(TargetTypes.TeamsChannel, call.CancellationToken)).Count(c => string.Equals(c.TeamId, team, StringComparison.OrdinalIgnoreCase));
        if (remaining > 0)
        {
            return AwsError.InvalidParameter($"The team {team} still has {remaining} channel configuration(s); delete them first.");
        }
        if (await store.Resources.DeleteAsync(ResourceKinds.TeamsTeam, team, call.CancellationToken))
        {
            await audit.WriteAsync(call, "teams-team.delete", team, null);
        }
        return ApiOutcome.Empty;
    }

    private async Task EnsureTeamAsync(ChannelConfigurationDocument d, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var team = new TeamsTeamDocument { TenantId = d.TenantId!, TeamId = d.TeamId!, TeamName = d.TeamName };
        // Conflict means the team is already known: nothing to do.
        await store.Resources.CreateAsync(new ResourceRecord(ResourceKinds.TeamsTeam, d.TeamId!, d.TeamId!, ConfigurationJson.Write(team), null, 0, now, now), cancellationToken);
    }
}
