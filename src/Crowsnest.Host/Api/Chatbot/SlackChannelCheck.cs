using Crowsnest.Channels.Slack;
using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>
/// Checks a Slack channel configuration before it is saved, with the registered workspace's bot token
/// (<c>auth.test</c>, <c>conversations.info</c>), and turns a definite failure into an AWS-style error. A workspace that
/// is not registered yet cannot be checked, and neither can an unreachable Slack: both are saved (the latter with a
/// warning in the log), so an outage at Slack never blocks a configuration change.
/// </summary>
internal sealed partial class SlackChannelCheck(IStore store, SlackConfigurationCheck check, ILogger<SlackChannelCheck> log)
{
    /// <summary>Null when the channel may be saved; otherwise the error to answer.</summary>
    public async Task<AwsError?> CheckAsync(string? teamId, string? channelId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(channelId))
        {
            return null; // the validator reports missing fields
        }
        var workspace = await store.Resources.GetAsync(ResourceKinds.SlackWorkspace, teamId, cancellationToken);
        var token = workspace?.Secrets is { } json ? ConfigurationJson.Read<SlackWorkspaceSecrets>(json)?.BotToken : null;
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var result = await check.CheckAsync(token, teamId, channelId, cancellationToken);
        var channel = result.ChannelName is { Length: > 0 } name ? $"#{name} ({channelId})" : channelId;
        switch (result.Failure)
        {
            case SlackCheckFailure.None:
                return null;
            case SlackCheckFailure.Unavailable:
                NotChecked(log, teamId, channelId, result.Problem ?? "");
                return null;
            case SlackCheckFailure.Token:
                return AwsError.InvalidRequest($"The bot token registered for Slack workspace {teamId} does not work ({result.Problem}). Register the workspace again with a valid token.");
            case SlackCheckFailure.WrongTeam:
                return AwsError.InvalidRequest($"The bot token registered for Slack workspace {teamId} does not belong to it ({result.Problem}).");
            case SlackCheckFailure.ChannelNotFound:
                return AwsError.InvalidParameter($"Slack channel {channelId} was not found in workspace {teamId}: check SlackChannelId (a private channel is only visible once the bot is invited).");
            case SlackCheckFailure.Archived:
                return AwsError.InvalidParameter($"Slack channel {channel} is archived.");
            case SlackCheckFailure.NotInChannel:
                return AwsError.InvalidRequest($"The Crowsnest bot is not a member of Slack channel {channel}: invite it (/invite) and save again.");
            default:
                return AwsError.InvalidRequest($"Slack refused the channel check for {channel}: {result.Problem}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack channel {ChannelId} of workspace {TeamId} saved without a check: {Problem}")]
    private static partial void NotChecked(ILogger logger, string teamId, string channelId, string problem);
}
