using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Commands.Chat;

/// <summary>Finds the enabled channel configurations of a conversation, and the account each runs commands in.</summary>
public static class ChatChannels
{
    /// <summary>The enabled configurations for (platform, tenant, channel), ordered by ARN.</summary>
    public static IReadOnlyList<ChannelConfiguration> For(ConfigSnapshot snapshot, ChatConversationRef conversation)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(conversation);
        return [.. snapshot.Configurations.Where(c => c.Enabled && Matches(c.Document, conversation))];
    }

    /// <summary>The account of a configuration: its role ARN's account, else the configuration ARN's.</summary>
    public static string AccountOf(ChannelConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AccountOfArn(configuration.Document.IamRoleArn) ?? AccountOfArn(configuration.Arn) ?? "unknown";
    }

    /// <summary>The account field of an ARN, or null.</summary>
    public static string? AccountOfArn(string? arn)
    {
        var parts = arn?.Split(':');
        return parts is { Length: > 4 } && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>The configuration a "default account" value names: an account id, a configuration name or ARN.</summary>
    public static ChannelConfiguration? Pick(IReadOnlyList<ChannelConfiguration> configurations, string account) =>
        configurations.FirstOrDefault(c => c.Arn == account)
        ?? configurations.FirstOrDefault(c => string.Equals(c.Name, account, StringComparison.OrdinalIgnoreCase))
        ?? configurations.FirstOrDefault(c => AccountOf(c) == account);

    private static bool Matches(ChannelConfigurationDocument d, ChatConversationRef conversation) => conversation.Platform switch
    {
        "slack" => d.TargetType == TargetTypes.SlackChannel && d.SlackTeamId == conversation.TenantId && d.SlackChannelId == conversation.ChannelId,
        "teams" => d.TargetType == TargetTypes.TeamsChannel && d.TenantId == conversation.TenantId && d.ChannelId == conversation.ChannelId,
        _ => false,
    };
}
