using Crowsnest.Commands.Chat;
using Crowsnest.Storage;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// An alarm delivered to Slack carries the channel's custom actions and "Show logs" as buttons; pressed in the
/// emulator, each runs through the same authorize and confirm path as a typed command and answers in the alarm's thread.
/// </summary>
public sealed class NotificationActionTests(NotificationChatRig rig) : IClassFixture<NotificationChatRig>
{
    [Fact]
    public async Task A_custom_action_button_asks_its_presser_to_confirm_runs_when_they_do_and_a_denied_one_names_the_guardrail()
    {
        var (alarm, buttons) = await rig.ArriveAsync($"ack-{rig.Suffix}");
        Assert.Equal(["Show logs", "Show error logs", "Acknowledge", "Delete alarm"], buttons.Select(b => b.Label));
        Assert.All(buttons, b => Assert.Equal(ChatActionIds.RunCommand, b.ActionId));
        var name = $"ack-{rig.Suffix}-errors";
        Assert.Equal($"cloudwatch set-alarm-state --alarm-name {name} --state-value OK --state-reason acknowledged-in-chat", buttons[2].Value);

        await rig.PressAsync(ChatRig.Alice, alarm, buttons[2]);
        var confirmation = (await rig.BotRepliesAsync(alarm.Ts, 1))[0];
        Assert.Contains($"aws cloudwatch set-alarm-state --alarm-name {name}", SlackText.Of(confirmation), StringComparison.Ordinal);
        var run = BotReply.ButtonsOf(confirmation.BlocksJson, confirmation.AttachmentsJson).Single(b => b.ActionId == ChatDialogActions.Confirm);
        await rig.PressAsync(ChatRig.Bob, confirmation, run);
        Assert.Contains($"Only user {ChatRig.Alice}", SlackText.Of((await rig.BotRepliesAsync(alarm.Ts, 2))[1]), StringComparison.Ordinal);
        Assert.Contains("\"StateValue\":\"ALARM\"", await DescribeAsync(name), StringComparison.Ordinal);

        await rig.PressAsync(ChatRig.Alice, confirmation, run);
        Assert.Contains("I ran the command `aws cloudwatch set-alarm-state", SlackText.Of((await rig.BotRepliesAsync(alarm.Ts, 3))[2]), StringComparison.Ordinal);
        Assert.Contains("\"StateValue\":\"OK\"", await DescribeAsync(name), StringComparison.Ordinal);

        await rig.PressAsync(ChatRig.Bob, alarm, buttons[3]);
        var denied = SlackText.Of((await rig.BotRepliesAsync(alarm.Ts, 4))[3]);
        Assert.Contains("DenyDeletes", denied, StringComparison.Ordinal);
        Assert.Contains(name, await DescribeAsync(name), StringComparison.Ordinal);
        var audit = await AuditAsync(name);
        Assert.Contains(audit, a => a.Decision == "confirmed" && a.Outcome == "succeeded" && a.Actor.EndsWith(ChatRig.Alice, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Decision == "denied" && a.Action.StartsWith("cloudwatch delete-alarms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_logs_answers_with_the_entries_and_a_guardrail_that_denies_get_query_results_or_start_query_gets_the_denial_instead()
    {
        var (alarm, buttons) = await rig.ArriveAsync($"logs-{rig.Suffix}");
        var showLogs = buttons.Single(b => b.Label == "Show logs");
        Assert.StartsWith($"show-logs /aws/lambda/logs-{rig.Suffix} --start ", showLogs.Value, StringComparison.Ordinal);

        await rig.PressAsync(ChatRig.Alice, alarm, showLogs);
        var reply = SlackText.Of((await rig.BotRepliesAsync(alarm.Ts, 1))[0]);
        Assert.Contains($"Logs of /aws/lambda/logs-{rig.Suffix}", reply, StringComparison.Ordinal);
        Assert.True(reply.IndexOf("handled-2", StringComparison.Ordinal) is var older and >= 0 && older < reply.IndexOf("handled-1", StringComparison.Ordinal), "oldest first: " + reply);

        try
        {
            await rig.UseGuardrailAsync(rig.NoQueryResultsGuardrail);
            await rig.PressAsync(ChatRig.Alice, alarm, showLogs);
            var noResults = SlackText.Of((await rig.BotRepliesAsync(alarm.Ts, 2))[1]);
            Assert.Contains("not available", noResults, StringComparison.Ordinal);
            Assert.Contains("NoQueryResults", noResults, StringComparison.Ordinal);
            Assert.DoesNotContain("handled-", noResults, StringComparison.Ordinal);

            await rig.UseGuardrailAsync(rig.NoStartQueryGuardrail);
            await rig.PressAsync(ChatRig.Alice, alarm, showLogs);
            var noStart = SlackText.Of((await rig.BotRepliesAsync(alarm.Ts, 3))[2]);
            Assert.Contains("NoStartQuery", noStart, StringComparison.Ordinal);
            Assert.DoesNotContain("handled-", noStart, StringComparison.Ordinal);
        }
        finally
        {
            await rig.UseGuardrailAsync(rig.Guardrail);
        }
        var audit = await AuditAsync($"show-logs /aws/lambda/logs-{rig.Suffix}");
        Assert.Contains(audit, a => a.Decision == "denied" && a.Outcome == "not run: logs:GetQueryResults" && a.Reason!.Contains("NoQueryResults", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Decision == "denied" && a.Outcome == "not run" && a.Reason!.Contains("NoStartQuery", StringComparison.Ordinal));
    }

    private Task<string> DescribeAsync(string alarm) => rig.AwsAsync($"cloudwatch describe-alarms --alarm-names {alarm}", null)!;

    private async Task<List<AuditEntry>> AuditAsync(string containing) =>
        [.. (await rig.Host.Store.Audit.QueryAsync(new AuditQuery(Kind: "command", Limit: 1000), CancellationToken.None))
            .Where(a => a.Action.Contains(containing, StringComparison.Ordinal))];
}
