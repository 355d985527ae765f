using Crowsnest.Configuration;

namespace Crowsnest.Commands.Chat;

/// <summary>Which channel configurations a chat conversation belongs to.</summary>
public static class ChatChannelMatch
{
    /// <summary>
    /// True when <paramref name="configuration"/> targets the conversation's channel: for Slack the team and channel
    /// ids; for Teams the tenant and the channel id, which the AWS Chatbot API stores URL-encoded as copied from a
    /// channel link (<c>19%3a…%40thread.tacv2</c>) while Teams sends it decoded.
    /// </summary>
    public static bool Matches(ChannelConfigurationDocument configuration, ChatConversationRef conversation)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.Platform switch
        {
            "slack" => configuration.TargetType == TargetTypes.SlackChannel
                && configuration.SlackTeamId == conversation.TenantId && configuration.SlackChannelId == conversation.ChannelId,
            "teams" => configuration.TargetType == TargetTypes.TeamsChannel
                && string.Equals(configuration.TenantId, conversation.TenantId, StringComparison.OrdinalIgnoreCase)
                && configuration.ChannelId is { } channel
                && string.Equals(Uri.UnescapeDataString(channel), conversation.ChannelId, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
