using System.Net;
using Crowsnest.Storage;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// Slack → Crowsnest → moto → Slack, end to end: signed Events API deliveries and button presses from
/// <see cref="TestKit.Slack.SlackEventSender"/>, replies read back from the Slack emulator.
/// </summary>
public sealed class SlackCommandTests(ChatRig rig) : IClassFixture<ChatRig>
{
    [Fact]
    public async Task A_read_only_command_is_answered_in_its_thread_with_chatbots_wording_and_audited_first()
    {
        await rig.AwsAsync($"cloudwatch put-metric-alarm --alarm-name ro-{rig.Suffix} --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average "
            + "--period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold", null);

        var (ts, response, _) = await rig.MentionAsync(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-names ro-{rig.Suffix}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The summary in the thread, and the CLI's full JSON shared as a file in the same thread.
        var replies = await rig.BotRepliesAsync(ts, 2);
        var text = SlackText.Of(replies[0]);
        Assert.Contains("I ran the read-only command `aws cloudwatch describe-alarms", text, StringComparison.Ordinal);
        Assert.Contains($"ro-{rig.Suffix}", text, StringComparison.Ordinal);
        var file = Assert.Single(Assert.Single(replies, r => r.FileIds.Count > 0).FileIds);
        Assert.Contains(rig.Slack.State.Files(), f => f.Id == file && f.Completed && f.FileName == "output.txt");
        var audit = await CommandAuditAsync($"describe-alarms --alarm-names ro-{rig.Suffix}");
        Assert.Contains(audit, a => a.Decision == "allowed" && a.Outcome == "succeeded" && a.Actor == $"slack:T01CROWS:{ChatRig.Alice}" && a.Channel == "slack:T01CROWS:C01ALERTS");
    }

    [Fact]
    public async Task A_denied_command_names_the_guardrail_statement_that_denied_it_and_runs_nothing()
    {
        await rig.AwsAsync($"cloudwatch put-metric-alarm --alarm-name keep-{rig.Suffix} --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average "
            + "--period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold", null);

        var (ts, _, _) = await rig.MentionAsync(ChatRig.Alice, $"cloudwatch delete-alarms --alarm-names keep-{rig.Suffix}");

        var reply = SlackText.Of(Assert.Single(await rig.BotRepliesAsync(ts, 1)));
        Assert.Contains("DenyDeletes", reply, StringComparison.Ordinal);
        Assert.Contains($"guard-{rig.Suffix}", reply, StringComparison.Ordinal);
        Assert.Contains($"keep-{rig.Suffix}", await rig.AwsAsync($"cloudwatch describe-alarms --alarm-names keep-{rig.Suffix}", null), StringComparison.Ordinal);
        var audit = await CommandAuditAsync($"delete-alarms --alarm-names keep-{rig.Suffix}");
        var denied = Assert.Single(audit);
        Assert.Equal("denied", denied.Decision);
        Assert.Contains("DenyDeletes", denied.Reason, StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> CommandAuditAsync(string containing) =>
        [.. (await rig.Host.Store.Audit.QueryAsync(new AuditQuery(Kind: "command", Limit: 1000), CancellationToken.None))
            .Where(a => a.Action.Contains(containing, StringComparison.Ordinal))];
}
