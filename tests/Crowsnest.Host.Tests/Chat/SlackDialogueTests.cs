using System.Net;
using System.Text.Json.Nodes;
using Crowsnest.Commands.Chat;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Storage;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>Confirmations, parameter prompts, aliases, and refused or repeated Slack deliveries, end to end.</summary>
public sealed class SlackDialogueTests(ChatRig rig) : IClassFixture<ChatRig>
{
    [Fact]
    public async Task A_mutating_command_runs_only_after_its_requester_confirms_and_not_when_someone_else_presses_run()
    {
        var alarm = $"mut-{rig.Suffix}";
        var (ts, _, _) = await rig.MentionAsync(ChatRig.Alice, $"cloudwatch put-metric-alarm --alarm-name {alarm} --metric-name CPUUtilization --namespace AWS/EC2 "
            + "--statistic Average --period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold");
        var confirmation = (await rig.BotRepliesAsync(ts, 1))[0];
        var shown = SlackText.Of(confirmation);
        Assert.Contains($"aws cloudwatch put-metric-alarm --alarm-name {alarm}", shown, StringComparison.Ordinal);
        Assert.Contains("123456789012", shown, StringComparison.Ordinal);
        Assert.Contains("us-east-1", shown, StringComparison.Ordinal);
        Assert.Contains(rig.RoleArn, shown, StringComparison.Ordinal);
        var pendingId = ButtonValue(confirmation, ChatDialogActions.Confirm);
        Assert.DoesNotContain(alarm, await DescribeAsync(alarm), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await rig.PressAsync(ChatRig.Bob, confirmation, ChatDialogActions.Confirm, pendingId)).StatusCode);
        var refusal = SlackText.Of((await rig.BotRepliesAsync(ts, 2))[1]);
        Assert.Contains($"Only user {ChatRig.Alice}", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(alarm, await DescribeAsync(alarm), StringComparison.Ordinal);

        await rig.PressAsync(ChatRig.Alice, confirmation, ChatDialogActions.Confirm, pendingId);
        var ran = await rig.BotRepliesAsync(ts, 3);
        Assert.Contains("I ran the command `aws cloudwatch put-metric-alarm", SlackText.Of(ran[2]), StringComparison.Ordinal);
        Assert.Contains(alarm, await DescribeAsync(alarm), StringComparison.Ordinal);
        Assert.Equal(1, rig.Slack.State.Find(ChatRig.Channel, confirmation.Ts)!.EditCount);

        // Pressing again does nothing more: the confirmation was taken.
        await rig.PressAsync(ChatRig.Alice, confirmation, ChatDialogActions.Confirm, pendingId);
        var after = await rig.BotRepliesAsync(ts, 4);
        Assert.Contains("already answered or has expired", SlackText.Of(after[3]), StringComparison.Ordinal);
        var audit = await AuditAsync($"put-metric-alarm --alarm-name {alarm}");
        Assert.Contains(audit, a => a.Decision == "confirmation-requested" && a.Actor.EndsWith(ChatRig.Alice, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Decision == "confirmation-refused" && a.Actor.EndsWith(ChatRig.Bob, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Decision == "confirmed" && a.Outcome == "succeeded");
    }

    [Fact]
    public async Task Missing_required_parameters_are_asked_for_one_at_a_time_in_the_thread_and_then_the_command_runs()
    {
        var (ts, _, _) = await rig.MentionAsync(ChatRig.Alice, "cloudwatch describe-alarms-for-metric");
        var first = SlackText.Of((await rig.BotRepliesAsync(ts, 1))[0]);
        Assert.Contains("--metric-name", first, StringComparison.Ordinal);

        await rig.ThreadReplyAsync(ChatRig.Alice, ts, "CPUUtilization");
        var second = SlackText.Of((await rig.BotRepliesAsync(ts, 2))[1]);
        Assert.Contains("--namespace", second, StringComparison.Ordinal);

        await rig.ThreadReplyAsync(ChatRig.Alice, ts, "AWS/EC2");
        var result = SlackText.Of((await rig.BotRepliesAsync(ts, 3))[2]);
        Assert.Contains("I ran the read-only command `aws cloudwatch describe-alarms-for-metric --metric-name CPUUtilization --namespace AWS/EC2`", result,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_is_created_listed_run_with_a_positional_value_and_deleted()
    {
        await rig.AwsAsync($"cloudwatch put-metric-alarm --alarm-name al-{rig.Suffix} --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average "
            + "--period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold", null);
        var (create, _, _) = await rig.MentionAsync(ChatRig.Alice, "alias create alarm cloudwatch describe-alarms --alarm-names $name");
        Assert.Contains("Created the alias alarm", SlackText.Of((await rig.BotRepliesAsync(create, 1))[0]), StringComparison.Ordinal);

        var (list, _, _) = await rig.MentionAsync(ChatRig.Bob, "alias list");
        Assert.Contains("describe-alarms --alarm-names $name", SlackText.Of((await rig.BotRepliesAsync(list, 1))[0]), StringComparison.Ordinal);

        var (run, _, _) = await rig.MentionAsync(ChatRig.Bob, $"run alarm al-{rig.Suffix}");
        var ran = SlackText.Of((await rig.BotRepliesAsync(run, 1))[0]);
        Assert.Contains($"I ran the read-only command `aws cloudwatch describe-alarms --alarm-names al-{rig.Suffix}`", ran, StringComparison.Ordinal);

        var (delete, _, _) = await rig.MentionAsync(ChatRig.Alice, "alias delete alarm");
        Assert.Contains("Deleted the alias alarm", SlackText.Of((await rig.BotRepliesAsync(delete, 1))[0]), StringComparison.Ordinal);
        Assert.Null(await rig.Host.Store.Aliases.GetAsync("slack:T01CROWS:C01ALERTS", "alarm", CancellationToken.None));
    }

    [Fact]
    public async Task A_forged_signature_and_a_stale_timestamp_are_refused_with_401_and_run_nothing()
    {
        var body = rig.Sender.AppMention(ChatRig.Channel, ChatRig.Alice, "cloudwatch describe-alarms").ToJsonString();
        var forger = new SlackEventSender(rig.Http, "not-the-signing-secret", TimeProvider.System, rig.Slack.Options.Workspace);
        using var forged = forger.Signed(rig.Events, body, "application/json", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.Http.SendAsync(forged)).StatusCode);

        using var stale = rig.Sender.Signed(rig.Events, body, "application/json", DateTimeOffset.UtcNow.AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.Http.SendAsync(stale)).StatusCode);

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, rig.Interactivity) { Content = new StringContent("payload={}") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.Http.SendAsync(unsigned)).StatusCode);

        // A body changed after signing is refused too.
        using var tampered = rig.Sender.Signed(rig.Events, body, "application/json", null);
        tampered.Content = new StringContent(body.Replace("describe-alarms", "delete-alarms", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.Http.SendAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var response = await rig.Sender.SendEventAsync(rig.Events, new JsonObject { ["type"] = "url_verification", ["challenge"] = "c-123", ["token"] = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("c-123", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_slack_retry_and_a_replayed_delivery_of_the_same_event_are_not_run_twice()
    {
        var (ts, first, body) = await rig.MentionAsync(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-name-prefix retry-{rig.Suffix}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rig.Sender.SendEventAsync(rig.Events, body, retryNum: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rig.Sender.SendEventAsync(rig.Events, body)).StatusCode);
        // A later command in the same thread proves the queue has moved past the duplicates.
        await rig.BotRepliesAsync(ts, 1);
        var (later, _, _) = await rig.MentionAsync(ChatRig.Alice, "help");
        await rig.BotRepliesAsync(later, 1);
        await Eventually.WaitAsync(() => AuditAsync($"retry-{rig.Suffix}"), a => a.Count >= 2, TimeSpan.FromSeconds(10), "the audit");

        Assert.Single(rig.BotReplies(ts), m => SlackText.Of(m).Contains("I ran the read-only command", StringComparison.Ordinal));
        Assert.Single(await AuditAsync($"retry-{rig.Suffix}"), a => a.Outcome == "succeeded");
    }

    private Task<string> DescribeAsync(string alarm) => rig.AwsAsync($"cloudwatch describe-alarms --alarm-names {alarm}", null)!;

    private static string ButtonValue(SlackMessageView message, string actionId)
    {
        var blocks = JsonNode.Parse(message.AttachmentsJson ?? message.BlocksJson ?? "[]")!.ToJsonString();
        var at = blocks.IndexOf($"\"action_id\":\"{actionId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {actionId} button in {blocks}");
        var value = blocks.IndexOf("\"value\":\"", at, StringComparison.Ordinal) + 9;
        return blocks[value..blocks.IndexOf('"', value)];
    }

    private async Task<List<AuditEntry>> AuditAsync(string containing) =>
        [.. (await rig.Host.Store.Audit.QueryAsync(new AuditQuery(Kind: "command", Limit: 1000), CancellationToken.None))
            .Where(a => a.Action.Contains(containing, StringComparison.Ordinal))];
}
