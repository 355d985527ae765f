using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// An alarm delivered to Slack carries "Show logs" and the channel's custom action as buttons; pressing "Show logs"
/// runs the Logs Insights query against moto through the chat flow and answers in the alarm's thread.
/// </summary>
public sealed class NotificationActionTests(ChatRig rig) : IClassFixture<ChatRig>
{
    [Fact]
    public async Task An_alarms_buttons_arrive_in_slack_and_show_logs_answers_in_its_thread()
    {
        var function = $"orders-{rig.Suffix}";
        var group = $"/aws/lambda/{function}";
        var changed = DateTimeOffset.UtcNow.AddMinutes(-1);
        await rig.AwsAsync($"iam put-role-policy --role-name chat-{rig.Suffix} --policy-name logs --policy-document "
            + """'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}'""", null);
        var guard = (await rig.AwsAsync($"iam create-policy --policy-name logs-guard-{rig.Suffix} --policy-document "
            + """'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudwatch:*","logs:*"],"Resource":"*"}]}'""", "Policy.Arn"))!;
        await rig.AwsAsync($"logs create-log-group --log-group-name {group}", null);
        await rig.AwsAsync($"logs create-log-stream --log-group-name {group} --log-stream-name s1", null);
        var events = string.Join(' ', Enumerable.Range(1, 2).Reverse().Select(i => $"timestamp={changed.AddSeconds(-30 * i).ToUnixTimeMilliseconds()},message=handled-{i}"));
        await rig.AwsAsync($"logs put-log-events --log-group-name {group} --log-stream-name s1 --log-events {events}", null);
        await ConfigureAsync(guard);

        await rig.Host.Store.Inbox.AcceptAsync(TestConfigurations.Sns(Alarm(function, changed)), CancellationToken.None);
        var alarm = await Eventually.WaitAsync(
            () => Task.FromResult(rig.Slack.State.Messages(ChatRig.Channel).FirstOrDefault(m => m.BlocksJson?.Contains(function, StringComparison.Ordinal) == true)),
            m => m is not null, TimeSpan.FromSeconds(60), "the alarm in Slack");

        var buttons = Buttons(alarm!.BlocksJson!);
        Assert.Equal(["Show logs", "Show error logs", "Find log groups"], buttons.Select(b => b.Text));
        Assert.All(buttons, b => Assert.Equal("crowsnest.run", b.ActionId));
        Assert.Equal($"logs describe-log-groups --log-group-name-prefix {group}", buttons[2].Value);
        Assert.StartsWith($"show-logs {group} --start ", buttons[0].Value, StringComparison.Ordinal);

        await rig.PressAsync(ChatRig.Alice, alarm, "crowsnest.run", buttons[0].Value);
        var reply = SlackText.Of((await rig.BotRepliesAsync(alarm.Ts, 1))[0]);
        Assert.Contains($"Logs of {group}", reply, StringComparison.Ordinal);
        Assert.Contains("handled-2", reply, StringComparison.Ordinal);
        Assert.Contains("handled-1", reply, StringComparison.Ordinal);
        Assert.True(reply.IndexOf("handled-2", StringComparison.Ordinal) < reply.IndexOf("handled-1", StringComparison.Ordinal), "oldest first");
    }

    private async Task ConfigureAsync(string guardrail)
    {
        var store = rig.Host.Store.Resources;
        var record = (await store.GetAsync(ResourceKinds.Configuration, rig.ConfigurationArn, CancellationToken.None))!;
        var document = ConfigurationJson.Read<ChannelConfigurationDocument>(record.Document)! with
        {
            SnsTopicArns = [TestConfigurations.Topic],
            GuardrailPolicyArns = [guardrail],
        };
        Assert.Equal(ResourceWriteResult.Ok, await store.UpdateAsync(record with { Document = ConfigurationJson.Write(document) }, null, CancellationToken.None));
        var action = new CustomActionDocument
        {
            CustomActionArn = $"arn:aws:chatbot::{TestConfigurations.Account}:custom-action/find-{rig.Suffix}",
            ActionName = $"find-{rig.Suffix}",
            Definition = new CustomActionDefinition("logs describe-log-groups --log-group-name-prefix /aws/lambda/$fn"),
            Attachments = [new CustomActionAttachment
            {
                NotificationType = "cloudwatch",
                ButtonText = "Find log groups",
                Variables = new Dictionary<string, string> { ["fn"] = "$event.Trigger.Dimensions[0].value" },
                Criteria = [new CustomActionAttachmentCriteria("EQUALS", "state", "ALARM")],
            }],
        };
        action = action with { Attachments = [action.Attachments[0] with { Variables = new Dictionary<string, string> { ["fn"] = "$event.Trigger.Dimensions[0].value", ["state"] = "$event.NewStateValue" } }] };
        Assert.Equal(ResourceWriteResult.Ok, await store.CreateAsync(new ResourceRecord(ResourceKinds.CustomAction, action.CustomActionArn, action.ActionName,
            ConfigurationJson.Write(action), null, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None));
        Assert.True(await store.AssociateAsync(rig.ConfigurationArn, action.CustomActionArn, CancellationToken.None));
        var snapshots = rig.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await Eventually.WaitAsync(() => Task.FromResult(snapshots.Current.CustomActionsFor(rig.ConfigurationArn).Count),
            n => n == 1, TimeSpan.FromSeconds(20), "the custom action in the snapshot");
    }

    private static string Alarm(string function, DateTimeOffset changed) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["AlarmName"] = $"{function}-errors",
        ["AWSAccountId"] = TestConfigurations.Account,
        ["NewStateValue"] = "ALARM",
        ["NewStateReason"] = "Threshold Crossed",
        ["StateChangeTime"] = changed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        ["Region"] = "US East (N. Virginia)",
        ["AlarmArn"] = $"arn:aws:cloudwatch:us-east-1:{TestConfigurations.Account}:alarm:{function}-errors",
        ["OldStateValue"] = "OK",
        ["Trigger"] = new Dictionary<string, object?>
        {
            ["MetricName"] = "Errors",
            ["Namespace"] = "AWS/Lambda",
            ["Statistic"] = "SUM",
            ["Dimensions"] = new[] { new Dictionary<string, string> { ["value"] = function, ["name"] = "FunctionName" } },
            ["Period"] = 60,
            ["EvaluationPeriods"] = 2,
            ["ComparisonOperator"] = "GreaterThanThreshold",
            ["Threshold"] = 1.0,
        },
    });

    private static List<(string Text, string ActionId, string Value)> Buttons(string blocksJson) =>
        [.. JsonNode.Parse(blocksJson)!.AsArray()
            .Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Where(e => (string?)e!["type"] == "button" && e["action_id"] is not null && e["value"] is not null)
            .Select(e => ((string)e!["text"]!["text"]!, (string)e["action_id"]!, (string)e["value"]!))];
}
