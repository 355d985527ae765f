using System.Text.Json.Nodes;
using Crowsnest.Channels.Slack;
using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Host.Api.Admin;

/// <summary>A live check of a registered Slack workspace: <c>auth.test</c> with its stored bot token.</summary>
internal sealed class SlackCheckOperations(ConfigSnapshotSource snapshots, SlackConfigurationCheck check)
{
    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("CheckSlackWorkspace", "/crowsnest/check-slack-workspace", CheckAsync);
    }

    private async Task<ApiOutcome> CheckAsync(ApiCall call)
    {
        var teamId = call.Str("SlackTeamId") ?? "";
        var workspace = snapshots.Current.SlackWorkspace(teamId);
        if (workspace is null)
        {
            await snapshots.RefreshAsync(call.CancellationToken);
            workspace = snapshots.Current.SlackWorkspace(teamId);
        }
        if (workspace is null)
        {
            return AwsError.NotFound($"No Slack workspace {teamId} is registered.");
        }
        var result = await check.CheckTokenAsync(workspace.Secrets.BotToken, teamId, call.CancellationToken);
        return new JsonObject
        {
            ["SlackTeamId"] = teamId,
            ["Ok"] = result.Ok,
            ["BotUserId"] = result.BotUserId,
            ["Detail"] = result.Problem,
            ["Retryable"] = result.Retryable,
        };
    }
}
