using Crowsnest.Commands.Chat;
using Crowsnest.Storage;
using Crowsnest.Host.Tests.Delivery;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// The command dialogues end to end, written once and run over every transport (each derived class names its rig
/// and driver): chat → Crowsnest → moto → chat, with the audit read back from the store.
/// </summary>
public abstract class ChatCommandScenarios(ChatRig rig, IChatDriver chat)
{
    protected ChatRig Rig => rig;

    protected IChatDriver Chat => chat;

    [Fact]
    public async Task A_read_only_command_is_answered_in_its_thread_with_chatbots_wording_and_audited()
    {
        var alarm = $"ro-{rig.Suffix}";
        await PutAlarmAsync(alarm);

        var thread = await chat.AskAsync(chat.Alice, $"cloudwatch describe-alarms --alarm-names {alarm}");

        var reply = (await chat.RepliesAsync(thread, 1))[0].Text;
        Assert.Contains("I ran the read-only command", reply, StringComparison.Ordinal);
        Assert.Contains($"aws cloudwatch describe-alarms --alarm-names {alarm}", reply, StringComparison.Ordinal);
        Assert.Contains("MetricAlarms: 1", reply, StringComparison.Ordinal);
        var audit = await AuditAsync($"describe-alarms --alarm-names {alarm}");
        Assert.Contains(audit, a => a.Decision == "allowed" && a.Outcome == "succeeded" && a.Actor == chat.Actor(chat.Alice) && a.Channel == chat.ChannelKey);
    }

    [Fact]
    public async Task A_denied_command_names_the_guardrail_statement_that_denied_it_and_runs_nothing()
    {
        var alarm = $"keep-{rig.Suffix}";
        await PutAlarmAsync(alarm);

        var thread = await chat.AskAsync(chat.Alice, $"cloudwatch delete-alarms --alarm-names {alarm}");

        var reply = Assert.Single(await chat.RepliesAsync(thread, 1)).Text;
        Assert.Contains("DenyDeletes", reply, StringComparison.Ordinal);
        Assert.Contains($"guard-{rig.Suffix}", reply, StringComparison.Ordinal);
        Assert.Contains(alarm, await DescribeAsync(alarm), StringComparison.Ordinal);
        var denied = Assert.Single(await AuditAsync($"delete-alarms --alarm-names {alarm}"));
        Assert.Equal("denied", denied.Decision);
        Assert.Contains("DenyDeletes", denied.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutating_command_runs_only_after_its_requester_confirms_and_not_when_someone_else_presses_run()
    {
        var alarm = $"mut-{rig.Suffix}";
        var thread = await chat.AskAsync(chat.Alice, $"cloudwatch put-metric-alarm --alarm-name {alarm} --metric-name CPUUtilization --namespace AWS/EC2 "
            + "--statistic Average --period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold");
        var confirmation = (await chat.RepliesAsync(thread, 1))[0];
        Assert.Contains($"aws cloudwatch put-metric-alarm --alarm-name {alarm}", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("123456789012", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("us-east-1", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains(rig.RoleArn, confirmation.Text, StringComparison.Ordinal);
        var run = confirmation.Button(ChatDialogActions.Confirm);
        Assert.DoesNotContain(alarm, await DescribeAsync(alarm), StringComparison.Ordinal);

        await chat.PressAsync(chat.Bob, thread, confirmation, run);
        var refusal = (await chat.RepliesAsync(thread, 2))[1].Text;
        Assert.Contains($"Only user {chat.Alice}", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(alarm, await DescribeAsync(alarm), StringComparison.Ordinal);

        await chat.PressAsync(chat.Alice, thread, confirmation, run);
        var ran = await chat.RepliesAsync(thread, 3);
        Assert.Contains("I ran the command", ran[2].Text, StringComparison.Ordinal);
        Assert.Contains($"aws cloudwatch put-metric-alarm --alarm-name {alarm}", ran[2].Text, StringComparison.Ordinal);
        Assert.Contains(alarm, await DescribeAsync(alarm), StringComparison.Ordinal);
        Assert.Equal(1, chat.EditsOf(confirmation));
        Assert.Empty(ran[0].Buttons);

        // Pressing again does nothing more: the confirmation was taken.
        await chat.PressAsync(chat.Alice, thread, confirmation, run);
        Assert.Contains("already answered or has expired", (await chat.RepliesAsync(thread, 4))[3].Text, StringComparison.Ordinal);
        var audit = await AuditAsync($"put-metric-alarm --alarm-name {alarm}");
        Assert.Contains(audit, a => a.Decision == "confirmation-requested" && a.Actor == chat.Actor(chat.Alice));
        Assert.Contains(audit, a => a.Decision == "confirmation-refused" && a.Actor == chat.Actor(chat.Bob));
        Assert.Single(audit, a => a.Decision == "confirmed" && a.Outcome == "succeeded");
    }

    [Fact]
    public async Task Missing_required_parameters_are_asked_for_one_at_a_time_in_the_thread_and_then_the_command_runs()
    {
        var thread = await chat.AskAsync(chat.Alice, "cloudwatch describe-alarms-for-metric");
        Assert.Contains("--metric-name", (await chat.RepliesAsync(thread, 1))[0].Text, StringComparison.Ordinal);

        await chat.AnswerAsync(chat.Alice, thread, "CPUUtilization");
        Assert.Contains("--namespace", (await chat.RepliesAsync(thread, 2))[1].Text, StringComparison.Ordinal);

        await chat.AnswerAsync(chat.Alice, thread, "AWS/EC2");
        var result = (await chat.RepliesAsync(thread, 3))[2].Text;
        Assert.Contains("I ran the read-only command", result, StringComparison.Ordinal);
        Assert.Contains("aws cloudwatch describe-alarms-for-metric --metric-name CPUUtilization --namespace AWS/EC2", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_enum_parameter_is_asked_with_a_button_per_value_and_the_pressed_value_runs_after_confirmation()
    {
        var alarm = $"enum-{rig.Suffix}";
        await PutAlarmAsync(alarm);

        var thread = await chat.AskAsync(chat.Alice, $"cloudwatch set-alarm-state --alarm-name {alarm} --state-reason testing");
        var prompt = (await chat.RepliesAsync(thread, 1))[0];
        Assert.Contains("--state-value", prompt.Text, StringComparison.Ordinal);
        Assert.Equal(["OK", "ALARM", "INSUFFICIENT_DATA"], prompt.Buttons.Select(b => b.Label));
        Assert.All(prompt.Buttons, b => Assert.Equal(ChatDialogActions.PromptValue, b.ActionId));

        await chat.PressAsync(chat.Alice, thread, prompt, prompt.Buttons.Single(b => b.Label == "ALARM"));
        var confirmation = (await chat.RepliesAsync(thread, 2))[1];
        Assert.Contains($"aws cloudwatch set-alarm-state --alarm-name {alarm} --state-reason testing --state-value ALARM", confirmation.Text, StringComparison.Ordinal);
        await chat.PressAsync(chat.Alice, thread, confirmation, confirmation.Button(ChatDialogActions.Confirm));

        Assert.Contains("I ran the command", (await chat.RepliesAsync(thread, 3))[2].Text, StringComparison.Ordinal);
        Assert.Contains("\"StateValue\":\"ALARM\"", await DescribeAsync(alarm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_is_created_listed_run_with_a_positional_value_and_deleted()
    {
        var alarm = $"al-{rig.Suffix}";
        await PutAlarmAsync(alarm);
        var create = await chat.AskAsync(chat.Alice, "alias create alarm cloudwatch describe-alarms --alarm-names $name");
        Assert.Contains("Created the alias alarm", (await chat.RepliesAsync(create, 1))[0].Text, StringComparison.Ordinal);

        var list = await chat.AskAsync(chat.Bob, "alias list");
        Assert.Contains("describe-alarms --alarm-names $name", (await chat.RepliesAsync(list, 1))[0].Text, StringComparison.Ordinal);

        var run = await chat.AskAsync(chat.Bob, $"run alarm {alarm}");
        var ran = (await chat.RepliesAsync(run, 1))[0].Text;
        Assert.Contains("I ran the read-only command", ran, StringComparison.Ordinal);
        Assert.Contains($"aws cloudwatch describe-alarms --alarm-names {alarm}", ran, StringComparison.Ordinal);
        Assert.Contains("MetricAlarms: 1", ran, StringComparison.Ordinal);

        var delete = await chat.AskAsync(chat.Alice, "alias delete alarm");
        Assert.Contains("Deleted the alias alarm", (await chat.RepliesAsync(delete, 1))[0].Text, StringComparison.Ordinal);
        Assert.Null(await rig.Host.Store.Aliases.GetAsync(chat.ChannelKey, "alarm", CancellationToken.None));
    }

    protected Task PutAlarmAsync(string alarm) =>
        rig.AwsAsync($"cloudwatch put-metric-alarm --alarm-name {alarm} --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average "
            + "--period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold", null);

    protected Task<string> DescribeAsync(string alarm) => rig.AwsAsync($"cloudwatch describe-alarms --alarm-names {alarm}", null)!;

    /// <summary>The command audit entries whose command contains <paramref name="containing"/>, once the reply has been read (the audit is written first).</summary>
    protected async Task<List<AuditEntry>> AuditAsync(string containing) =>
        [.. (await rig.Host.Store.Audit.QueryAsync(new AuditQuery(Kind: "command", Limit: 1000), CancellationToken.None))
            .Where(a => a.Action.Contains(containing, StringComparison.Ordinal))];

    /// <summary>Waits until the audit holds what <paramref name="done"/> expects.</summary>
    protected Task<List<AuditEntry>> AuditEventuallyAsync(string containing, Func<List<AuditEntry>, bool> done) =>
        Eventually.WaitAsync(() => AuditAsync(containing), done, TimeSpan.FromSeconds(20), $"the audit of '{containing}'");
}
