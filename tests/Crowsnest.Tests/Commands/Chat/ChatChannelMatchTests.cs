using Crowsnest.Commands.Chat;
using Crowsnest.Configuration;

namespace Crowsnest.Tests.Commands.Chat;

public sealed class ChatChannelMatchTests
{
    private static readonly ChannelConfigurationDocument TeamsConfig = new()
    {
        ChatConfigurationArn = "arn:aws:chatbot::123456789012:chat-configuration/teams-channel/alerts",
        ConfigurationName = "alerts",
        TargetType = TargetTypes.TeamsChannel,
        TenantId = "11111111-2222-3333-4444-555555555555",
        TeamId = "66666666-7777-8888-9999-000000000000",
        ChannelId = "19%3aalerts%40thread.tacv2",
    };

    private static readonly ChannelConfigurationDocument SlackConfig = new()
    {
        ChatConfigurationArn = "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/alerts",
        ConfigurationName = "alerts",
        TargetType = TargetTypes.SlackChannel,
        SlackTeamId = "T01",
        SlackChannelId = "C01",
    };

    [Theory]
    [InlineData("11111111-2222-3333-4444-555555555555", "19:alerts@thread.tacv2", true)]
    [InlineData("11111111-2222-3333-4444-555555555555", "19:ALERTS@thread.tacv2", true)]
    [InlineData("99999999-2222-3333-4444-555555555555", "19:alerts@thread.tacv2", false)]
    [InlineData("11111111-2222-3333-4444-555555555555", "19:other@thread.tacv2", false)]
    public void A_teams_channel_matches_its_url_encoded_configuration_by_tenant_and_channel(string tenant, string channel, bool expected) =>
        Assert.Equal(expected, ChatChannelMatch.Matches(TeamsConfig, new ChatConversationRef("teams", tenant, channel, "1")));

    [Fact]
    public void Slack_matches_team_and_channel_and_never_a_teams_configuration()
    {
        Assert.True(ChatChannelMatch.Matches(SlackConfig, new ChatConversationRef("slack", "T01", "C01", null)));
        Assert.False(ChatChannelMatch.Matches(SlackConfig, new ChatConversationRef("slack", "T02", "C01", null)));
        Assert.False(ChatChannelMatch.Matches(TeamsConfig, new ChatConversationRef("slack", "T01", "C01", null)));
        Assert.False(ChatChannelMatch.Matches(SlackConfig, new ChatConversationRef("teams", "T01", "C01", null)));
    }
}
