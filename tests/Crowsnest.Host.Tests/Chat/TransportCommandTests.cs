using System.Net;
using Crowsnest.Configuration;
using Crowsnest.Storage;
using Crowsnest.TestKit.Teams;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>A read-only command through the real handler against moto, arriving over Teams: answered in its thread.</summary>
public sealed class TeamsCommandTests(TeamsChatRig rig) : IClassFixture<TeamsChatRig>
{
    [Fact]
    public async Task A_read_only_command_from_teams_is_answered_in_its_thread_through_the_connector()
    {
        await rig.AwsAsync($"cloudwatch put-metric-alarm --alarm-name teams-{rig.Suffix} --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average "
            + "--period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold", null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var message = rig.Teams.Activities.ChannelMessage($"cloudwatch describe-alarms --alarm-names teams-{rig.Suffix}");

        using var answer = await rig.Teams.SendAsync(rig.TeamsEndpoint, message, cancellationToken: timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var root = message["id"]!.GetValue<string>();
        ConnectorCall reply;
        do
        {
            reply = await rig.Teams.Module.NextCallAsync(timeout.Token);
        }
        while (!reply.Activity.ToJsonString().Contains("I ran the read-only command", StringComparison.Ordinal));
        Assert.Equal(("POST", $"{TeamsActivities.DefaultChannel};messageid={root}", root), (reply.Method, reply.ConversationId, reply.ActivityId));
        Assert.Contains($"teams-{rig.Suffix}", reply.Activity.ToJsonString(), StringComparison.Ordinal);
        var audit = await rig.Host.Store.Audit.QueryAsync(new AuditQuery(Kind: "command", Limit: 1000), CancellationToken.None);
        Assert.Contains(audit, a => a.Action.Contains($"describe-alarms --alarm-names teams-{rig.Suffix}", StringComparison.Ordinal)
            && a.Decision == "allowed" && a.Channel!.StartsWith("teams:", StringComparison.Ordinal));
    }
}

/// <summary>The same command over Slack Socket Mode instead of the Events API.</summary>
public sealed class SocketModeCommandTests(ChatRig rig) : IClassFixture<ChatRig>
{
    [Fact]
    public async Task A_read_only_command_over_socket_mode_is_answered_in_its_thread()
    {
        await rig.AwsAsync($"cloudwatch put-metric-alarm --alarm-name sock-{rig.Suffix} --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average "
            + "--period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold", null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ws = rig.Slack.Options.Workspace;
        var existing = (await rig.Host.Store.Resources.GetAsync(ResourceKinds.SlackWorkspace, ws.TeamId, CancellationToken.None))!;
        var document = ConfigurationJson.Read<SlackWorkspaceDocument>(existing.Document)! with { SocketMode = true };
        var secrets = ConfigurationJson.Read<SlackWorkspaceSecrets>(existing.Secrets!)! with { AppToken = ws.AppToken };
        Assert.Equal(ResourceWriteResult.Ok, await rig.Host.Store.Resources.UpdateAsync(
            existing with { Document = ConfigurationJson.Write(document), Secrets = ConfigurationJson.Write(secrets) }, existing.Version, CancellationToken.None));
        await rig.Slack.SocketMode.WaitForConnectionsAsync(1, timeout.Token);

        var text = $"cloudwatch describe-alarms --alarm-names sock-{rig.Suffix}";
        var seeded = rig.Slack.State.Seed(ChatRig.Channel, $"<@{ws.BotUserId}> {text}", ChatRig.Alice);
        var body = rig.Sender.AppMention(ChatRig.Channel, ChatRig.Alice, text);
        body["event"]!["ts"] = seeded.Ts;
        body["event"]!["event_ts"] = seeded.Ts;
        var ack = await rig.Slack.SocketMode.PushEventAsync(body, cancellationToken: timeout.Token);

        Assert.True(ack.Acked);
        var replies = await rig.BotRepliesAsync(seeded.Ts, 1);
        Assert.Contains(replies, r => SlackText.Of(r).Contains("I ran the read-only command `aws cloudwatch describe-alarms", StringComparison.Ordinal)
            && SlackText.Of(r).Contains($"sock-{rig.Suffix}", StringComparison.Ordinal));
    }
}
