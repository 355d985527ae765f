using System.Globalization;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Crowsnest.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// <see cref="ChatRig"/> whose #alerts configuration also receives the test topic's alarms, may read CloudWatch Logs,
/// and has two custom actions on alarms: "Acknowledge" (set-alarm-state, which asks for confirmation) and "Delete
/// alarm" (denied by the guardrail). Also guardrails that deny Logs Insights' StartQuery or GetQueryResults.
/// </summary>
public sealed class NotificationChatRig : ChatRig
{
    private const string Allow = """{"Effect":"Allow","Action":["cloudwatch:*","logs:*"],"Resource":"*"}""";

    public string Guardrail { get; private set; } = "";

    public string NoQueryResultsGuardrail { get; private set; } = "";

    public string NoStartQueryGuardrail { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AwsAsync($"iam put-role-policy --role-name chat-{Suffix} --policy-name logs --policy-document "
            + """'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}'""", null);
        Guardrail = await PolicyAsync("alarms", """{"Sid":"DenyDeletes","Effect":"Deny","Action":"cloudwatch:DeleteAlarms","Resource":"*"}""");
        NoQueryResultsGuardrail = await PolicyAsync("no-results", """{"Sid":"NoQueryResults","Effect":"Deny","Action":"logs:GetQueryResults","Resource":"*"}""");
        NoStartQueryGuardrail = await PolicyAsync("no-start", """{"Sid":"NoStartQuery","Effect":"Deny","Action":"logs:StartQuery","Resource":"*"}""");
        await AddCustomActionAsync("acknowledge", "Acknowledge", "cloudwatch set-alarm-state --alarm-name $alarm --state-value OK --state-reason acknowledged-in-chat");
        await AddCustomActionAsync("delete", "Delete alarm", "cloudwatch delete-alarms --alarm-names $alarm");
        await UseGuardrailAsync(Guardrail, [TestConfigurations.Topic]);
        var snapshots = Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await Eventually.WaitAsync(() => Task.FromResult(snapshots.Current.CustomActionsFor(ConfigurationArn).Count),
            n => n == 2, TimeSpan.FromSeconds(20), "the custom actions in the snapshot");
    }

    /// <summary>
    /// An alarm of the Lambda function <paramref name="function"/> (its alarm and its log group, with two entries, in
    /// moto) sent to the test topic; returns the alarm's Slack message once delivered, and its buttons.
    /// </summary>
    public async Task<(SlackMessageView Alarm, List<ReplyButton> Buttons)> ArriveAsync(string function)
    {
        var group = $"/aws/lambda/{function}";
        var changed = DateTimeOffset.UtcNow.AddMinutes(-1);
        await AwsAsync($"cloudwatch put-metric-alarm --alarm-name {function}-errors --metric-name Errors --namespace AWS/Lambda --statistic Sum "
            + $"--dimensions Name=FunctionName,Value={function} --period 60 --evaluation-periods 2 --threshold 1 --comparison-operator GreaterThanThreshold", null);
        await AwsAsync($"cloudwatch set-alarm-state --alarm-name {function}-errors --state-value ALARM --state-reason Threshold", null);
        await AwsAsync($"logs create-log-group --log-group-name {group}", null);
        await AwsAsync($"logs create-log-stream --log-group-name {group} --log-stream-name s1", null);
        var events = string.Join(' ', Enumerable.Range(1, 2).Reverse().Select(i => $"timestamp={changed.AddSeconds(-30 * i).ToUnixTimeMilliseconds()},message=handled-{i}"));
        await AwsAsync($"logs put-log-events --log-group-name {group} --log-stream-name s1 --log-events {events}", null);

        await Host.Store.Inbox.AcceptAsync(TestConfigurations.Sns(AlarmMessage(function, changed)), CancellationToken.None);
        // An alarm is posted as a coloured attachment, so its blocks are inside AttachmentsJson.
        var alarm = await Eventually.WaitAsync(
            () => Task.FromResult(Slack.State.Messages(Channel).FirstOrDefault(m => !m.IsReply && SlackText.Of(m).Contains($"{function}-errors", StringComparison.Ordinal))),
            m => m is not null, TimeSpan.FromSeconds(60), "the alarm in Slack");
        return (alarm!, BotReply.ButtonsOf(alarm!.BlocksJson, alarm.AttachmentsJson));
    }

    /// <summary>Presses a button of a bot message in #alerts.</summary>
    public Task PressAsync(string user, SlackMessageView message, ReplyButton button) => PressAsync(user, message, button.ActionId, button.Value);

    /// <summary>Makes <paramref name="guardrail"/> the configuration's only guardrail, and waits until the service uses it.</summary>
    public async Task UseGuardrailAsync(string guardrail, IReadOnlyList<string>? topics = null)
    {
        var store = Host.Store.Resources;
        var record = (await store.GetAsync(ResourceKinds.Configuration, ConfigurationArn, CancellationToken.None))!;
        var document = ConfigurationJson.Read<ChannelConfigurationDocument>(record.Document)!;
        document = document with { GuardrailPolicyArns = [guardrail], SnsTopicArns = topics ?? document.SnsTopicArns };
        Assert.Equal(ResourceWriteResult.Ok, await store.UpdateAsync(record with { Document = ConfigurationJson.Write(document) }, record.Version, CancellationToken.None));
        var snapshots = Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await Eventually.WaitAsync(() => Task.FromResult(snapshots.Current.ByArn(ConfigurationArn)?.Document.GuardrailPolicyArns),
            g => g is [var only] && only == guardrail, TimeSpan.FromSeconds(20), $"the guardrail {guardrail} in the snapshot");
    }

    private async Task<string> PolicyAsync(string name, string statement) =>
        (await AwsAsync($"iam create-policy --policy-name {name}-{Suffix} --policy-document "
            + $$"""'{"Version":"2012-10-17","Statement":[{{Allow}},{{statement}}]}'""", "Policy.Arn"))!;

    private async Task AddCustomActionAsync(string name, string button, string command)
    {
        var action = new CustomActionDocument
        {
            CustomActionArn = $"arn:aws:chatbot::{TestConfigurations.Account}:custom-action/{name}-{Suffix}",
            ActionName = $"{name}-{Suffix}",
            Definition = new CustomActionDefinition(command),
            Attachments = [new CustomActionAttachment
            {
                NotificationType = "cloudwatch",
                ButtonText = button,
                Variables = new Dictionary<string, string> { ["alarm"] = "$event.AlarmName", ["state"] = "$event.NewStateValue" },
                Criteria = [new CustomActionAttachmentCriteria("EQUALS", "state", "ALARM")],
            }],
        };
        await CreateAsync(new ResourceRecord(ResourceKinds.CustomAction, action.CustomActionArn, action.ActionName,
            ConfigurationJson.Write(action), null, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        Assert.True(await Host.Store.Resources.AssociateAsync(ConfigurationArn, action.CustomActionArn, CancellationToken.None));
    }

    private static string AlarmMessage(string function, DateTimeOffset changed) => new JsonObject
    {
        ["AlarmName"] = $"{function}-errors",
        ["AWSAccountId"] = TestConfigurations.Account,
        ["NewStateValue"] = "ALARM",
        ["NewStateReason"] = "Threshold Crossed",
        ["StateChangeTime"] = changed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        ["Region"] = "US East (N. Virginia)",
        ["AlarmArn"] = $"arn:aws:cloudwatch:us-east-1:{TestConfigurations.Account}:alarm:{function}-errors",
        ["OldStateValue"] = "OK",
        ["Trigger"] = new JsonObject
        {
            ["MetricName"] = "Errors",
            ["Namespace"] = "AWS/Lambda",
            ["Statistic"] = "SUM",
            ["Dimensions"] = new JsonArray(new JsonObject { ["value"] = function, ["name"] = "FunctionName" }),
            ["Period"] = 60,
            ["EvaluationPeriods"] = 2,
            ["ComparisonOperator"] = "GreaterThanThreshold",
            ["Threshold"] = 1.0,
        },
    }.ToJsonString();
}
