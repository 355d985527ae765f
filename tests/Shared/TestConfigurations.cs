using System.Text.Json;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications;
using Crowsnest.Storage;

namespace Crowsnest.Testing;

/// <summary>Channel configurations as stored resource records, snapshots built from them, and test notifications.</summary>
internal static class TestConfigurations
{
    public const string Account = "123456789012";
    public const string Topic = "arn:aws:sns:us-east-1:123456789012:alerts";
    public const string Role = "arn:aws:iam::123456789012:role/crowsnest-chat";

    public static string Arn(string type, string name) => $"arn:aws:chatbot::{Account}:chat-configuration/{type}/{name}";

    public static ResourceRecord Slack(string name, string teamId, string channelId, string? topic = Topic, EventFilterDocument? filter = null,
        string state = "ENABLED", string unrecognized = UnrecognizedEventPolicies.DeliverGeneric) =>
        Record(Document(TargetTypes.SlackChannel, name, topic, filter, state, unrecognized) with { SlackTeamId = teamId, SlackChannelId = channelId, SlackChannelName = name, IamRoleArn = Role }, null);

    public static ResourceRecord SlackWebhook(string name, string url, string? topic = Topic) =>
        Record(Document(TargetTypes.SlackWebhook, name, topic), new ChannelSecrets { WebhookUrl = url });

    public static ResourceRecord Teams(string name, string url, string? topic = Topic) =>
        Record(Document(TargetTypes.TeamsChannel, name, topic) with
        {
            TenantId = "11111111-2222-3333-4444-555555555555",
            TeamId = "66666666-7777-8888-9999-000000000000",
            ChannelId = $"19%3a{name}%40thread.tacv2",
            ChannelName = name,
            IamRoleArn = Role,
        }, new ChannelSecrets { WebhookUrl = url });

    public static ResourceRecord Chime(string name, string url, string? topic = Topic) =>
        Record(Document(TargetTypes.ChimeWebhook, name, topic) with { WebhookDescription = name, IamRoleArn = Role }, new ChannelSecrets { WebhookUrl = url });

    public static ResourceRecord Webhook(string name, string url, string? secret, string? topic = Topic) =>
        Record(Document(TargetTypes.Webhook, name, topic), new ChannelSecrets { WebhookUrl = url, SigningSecret = secret });

    public static ResourceRecord Console(string name, string inbox, string? topic = Topic, string unrecognized = UnrecognizedEventPolicies.DeliverGeneric) =>
        Record(Document(TargetTypes.Console, name, topic, unrecognized: unrecognized) with { InboxName = inbox }, null);

    public static ResourceRecord SlackWorkspace(string teamId, string token) => new(
        ResourceKinds.SlackWorkspace, teamId, teamId,
        ConfigurationJson.Write(new SlackWorkspaceDocument { SlackTeamId = teamId, SlackTeamName = "Test" }),
        ConfigurationJson.Write(new SlackWorkspaceSecrets { BotToken = token, SigningSecret = "0123456789abcdef0123456789abcdef" }),
        1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    /// <summary>Builds a snapshot; fails the test with the validator's errors when a record is invalid.</summary>
    public static ConfigSnapshot Snapshot(params ResourceRecord[] records)
    {
        var built = ConfigSnapshotBuilder.Build(1, records);
        return built.Snapshot ?? throw new InvalidOperationException(string.Join(Environment.NewLine, built.Errors));
    }

    public static Notification Sns(string body, string? topic = Topic, string? id = null, string? subject = null) => new()
    {
        MessageId = id ?? Guid.NewGuid().ToString(),
        Source = NotificationSource.Sns,
        TopicArn = topic,
        Subject = subject,
        Body = body,
        ReceivedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>An AWS Chatbot custom notification.</summary>
    public static string Custom(string description, string? threadId = null, string? title = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["version"] = "1.0",
            ["source"] = "custom",
            ["content"] = new Dictionary<string, object?> { ["description"] = description, ["title"] = title },
            ["metadata"] = threadId is null ? null : new Dictionary<string, object?> { ["threadId"] = threadId },
        });

    /// <summary>An EventBridge event as SNS delivers it.</summary>
    public static string EventBridgeEvent(string detailType, string source, Dictionary<string, object?> detail, string[]? resources = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = detailType,
            ["source"] = source,
            ["account"] = Account,
            ["time"] = "2026-11-28T01:00:00Z",
            ["region"] = "us-east-1",
            ["resources"] = resources ?? [],
            ["detail"] = detail,
        });

    /// <summary>A GuardDuty finding (one finding id is one thread, updated in place).</summary>
    public static string GuardDutyFinding(string id, string title, int count = 1) =>
        EventBridgeEvent("GuardDuty Finding", "aws.guardduty", new Dictionary<string, object?>
        {
            ["schemaVersion"] = "2.0",
            ["accountId"] = Account,
            ["region"] = "us-east-1",
            ["id"] = id,
            ["type"] = "Recon:EC2/PortProbeUnprotectedPort",
            ["title"] = title,
            ["severity"] = 5,
            ["service"] = new Dictionary<string, object?> { ["serviceName"] = "guardduty", ["count"] = count },
        });

    /// <summary>A CloudWatch alarm state change as SNS delivers it.</summary>
    public static string Alarm(string name, string state, string old) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["AlarmName"] = name,
            ["AlarmDescription"] = "test alarm",
            ["AWSAccountId"] = Account,
            ["NewStateValue"] = state,
            ["NewStateReason"] = $"Threshold crossed: {state}",
            ["StateChangeTime"] = "2026-11-28T01:00:00.000+0000",
            ["Region"] = "US East (N. Virginia)",
            ["AlarmArn"] = $"arn:aws:cloudwatch:us-east-1:{Account}:alarm:{name}",
            ["OldStateValue"] = old,
        });

    private static ChannelConfigurationDocument Document(string type, string name, string? topic, EventFilterDocument? filter = null,
        string state = "ENABLED", string unrecognized = UnrecognizedEventPolicies.DeliverGeneric)
    {
        return new ChannelConfigurationDocument
        {
            ChatConfigurationArn = Arn(type, name),
            ConfigurationName = name,
            TargetType = type,
            SnsTopicArns = topic is null ? [] : [topic],
            EventFilter = filter,
            State = state,
            UnrecognizedEvents = unrecognized,
        };
    }

    private static ResourceRecord Record(ChannelConfigurationDocument document, ChannelSecrets? secrets) => new(
        ResourceKinds.Configuration, document.ChatConfigurationArn, document.ConfigurationName,
        ConfigurationJson.Write(document), secrets is null ? null : ConfigurationJson.Write(secrets),
        1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
