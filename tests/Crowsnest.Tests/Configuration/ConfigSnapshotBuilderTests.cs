using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Storage;

namespace Crowsnest.Tests.Configuration;

public sealed class ConfigSnapshotBuilderTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:alarms";

    private static ResourceRecord Record(ChannelConfigurationDocument document, ChannelSecrets? secrets = null) =>
        new(ResourceKinds.Configuration, document.ChatConfigurationArn, document.ConfigurationName, ConfigurationJson.Write(document),
            secrets is null ? null : ConfigurationJson.Write(secrets), 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static ChannelConfigurationDocument Slack(string name, string channel) => new()
    {
        ChatConfigurationArn = $"arn:aws:chatbot::000000000000:chat-configuration/slack-channel/{name}",
        ConfigurationName = name,
        TargetType = TargetTypes.SlackChannel,
        SlackTeamId = "T1",
        SlackChannelId = channel,
        IamRoleArn = "arn:aws:iam::123456789012:role/r",
        SnsTopicArns = [Topic],
    };

    [Fact]
    public void Configurations_are_indexed_by_topic_source_and_arn_with_their_targets()
    {
        var chime = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = "arn:aws:chatbot::000000000000:chat-configuration/chime-webhook/room",
            ConfigurationName = "room",
            TargetType = TargetTypes.ChimeWebhook,
            WebhookDescription = "room",
            IamRoleArn = "arn:aws:iam::123456789012:role/r",
            Sources = ["events"],
        };
        var built = ConfigSnapshotBuilder.Build(7, [Record(Slack("a", "C1")), Record(Slack("b", "C1")),
            Record(chime, new ChannelSecrets { WebhookUrl = "https://hooks.chime.aws/incomingwebhooks/x-1?token=t1" })]);

        var snapshot = Assert.IsType<ConfigSnapshot>(built.Snapshot);
        Assert.Equal(7, snapshot.Stamp);
        Assert.Equal(["a", "b"], snapshot.ForTopic(Topic).Select(c => c.Name));
        Assert.True(snapshot.NamesTopic(Topic));
        Assert.Empty(snapshot.ForTopic(Topic + "-other"));
        var room = Assert.Single(snapshot.ForSource("events"));
        var target = Assert.IsType<ChimeWebhookTarget>(room.Target);
        Assert.DoesNotContain("t1", target.ToString(), StringComparison.Ordinal);
        Assert.Equal("slack:T1:C1", snapshot.ByArn(Slack("a", "C1").ChatConfigurationArn)!.Target.Key);
    }

    private static ResourceRecord CustomAction(string name) =>
        new(ResourceKinds.CustomAction, $"arn:aws:chatbot::000000000000:custom-action/{name}", name,
            ConfigurationJson.Write(new CustomActionDocument
            {
                CustomActionArn = $"arn:aws:chatbot::000000000000:custom-action/{name}",
                ActionName = name,
                Definition = new CustomActionDefinition("ec2 describe-instances"),
            }), null, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_channels_custom_actions_are_those_of_every_configuration_that_delivers_there_each_once_in_arn_order()
    {
        var (a, b, other) = (Slack("a", "C1"), Slack("b", "C1"), Slack("c", "C2"));
        ResourceAssociation[] associations =
        [
            new(a.ChatConfigurationArn, "arn:aws:chatbot::000000000000:custom-action/zeta"),
            new(b.ChatConfigurationArn, "arn:aws:chatbot::000000000000:custom-action/alpha"),
            new(b.ChatConfigurationArn, "arn:aws:chatbot::000000000000:custom-action/zeta"),
            new(a.ChatConfigurationArn, "arn:aws:chatbot::000000000000:custom-action/gone"),
        ];

        var snapshot = ConfigSnapshotBuilder.Build(1, [Record(a), Record(b), Record(other), CustomAction("zeta"), CustomAction("alpha")], associations).Snapshot!;

        Assert.Equal(["alpha", "zeta"], snapshot.CustomActionsForTarget("slack:T1:C1").Select(x => x.ActionName));
        Assert.Equal(["zeta"], snapshot.CustomActionsFor(a.ChatConfigurationArn).Select(x => x.ActionName));
        Assert.Empty(snapshot.CustomActionsForTarget("slack:T1:C2"));
        Assert.Empty(snapshot.CustomActionsForTarget("slack:T9:C1"));
    }

    [Fact]
    public void One_invalid_record_fails_the_whole_build_and_says_which()
    {
        var broken = Slack("broken", "C 1") with { LoggingLevel = "LOUD" };

        var built = ConfigSnapshotBuilder.Build(1, [Record(Slack("a", "C1")), Record(broken)]);

        Assert.Null(built.Snapshot);
        var error = Assert.Single(built.Errors);
        Assert.Contains("slack-channel/broken", error, StringComparison.Ordinal);
        Assert.Contains("slackChannelId", error, StringComparison.Ordinal);
        Assert.Contains("loggingLevel", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chime_configuration_without_its_webhook_url_is_invalid_and_the_message_has_no_secret()
    {
        var chime = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = "arn:aws:chatbot::000000000000:chat-configuration/chime-webhook/room",
            ConfigurationName = "room",
            TargetType = TargetTypes.ChimeWebhook,
            WebhookDescription = "room",
            IamRoleArn = "arn:aws:iam::123456789012:role/r",
        };

        Assert.Contains(ConfigurationValidator.Validate(chime, null), e => e.Path == "webhookUrl");
        var wrong = ConfigurationValidator.Validate(chime, new ChannelSecrets { WebhookUrl = "https://evil.example/SecretBit" });
        Assert.DoesNotContain(wrong, e => e.Message.Contains("SecretBit", StringComparison.Ordinal));
        Assert.Contains(wrong, e => e.Path == "webhookUrl");
    }
}
