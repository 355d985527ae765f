using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Slack;

/// <summary>The answer of a Slack configuration check. <see cref="Problem"/> is secret-free text for the API's error.</summary>
/// <param name="Ok">True when the token works and the bot can post to the channel.</param>
/// <param name="TeamId">The token's team (from <c>auth.test</c>).</param>
/// <param name="BotUserId">The bot's user id.</param>
/// <param name="ChannelName">The channel's name (from <c>conversations.info</c>).</param>
/// <param name="Problem">What is wrong, when not ok.</param>
/// <param name="Retryable">True when the check could not be made (Slack down, rate limited) rather than failed.</param>
/// <param name="Failure">What failed, for the caller's choice of error type.</param>
public sealed record SlackCheckResult(bool Ok, string? TeamId, string? BotUserId, string? ChannelName, string? Problem, bool Retryable = false,
    SlackCheckFailure Failure = SlackCheckFailure.None);

/// <summary>What a failed Slack configuration check found wrong.</summary>
public enum SlackCheckFailure
{
    /// <summary>Nothing (the check passed).</summary>
    None = 0,

    /// <summary>The bot token is invalid, revoked or of an inactive account (<c>auth.test</c>).</summary>
    Token,

    /// <summary>The token belongs to another workspace.</summary>
    WrongTeam,

    /// <summary>The channel does not exist, or the bot cannot see it (<c>channel_not_found</c>).</summary>
    ChannelNotFound,

    /// <summary>The channel is archived.</summary>
    Archived,

    /// <summary>The bot is not a member of the channel.</summary>
    NotInChannel,

    /// <summary>Slack could not be asked (unreachable, rate limited, 5xx).</summary>
    Unavailable,

    /// <summary>Another refusal by Slack (missing scope, ...).</summary>
    Other,
}

/// <summary>
/// Checks a Slack configuration when it is saved: <c>auth.test</c> (the token is valid, and of the expected team) and
/// <c>conversations.info</c> (the channel exists, is not archived, and the bot is a member).
/// </summary>
public sealed class SlackConfigurationCheck(HttpClient http, TimeProvider time, Uri? apiBase = null)
{
    private readonly SlackWebApi _api = new(http, apiBase ?? SlackWebApi.DefaultBase, time);

    /// <summary>Checks that <paramref name="token"/> can post to <paramref name="channelId"/> of <paramref name="teamId"/>.</summary>
    public async Task<SlackCheckResult> CheckAsync(string token, string teamId, string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var auth = await _api.FormAsync("auth.test", token, [], null, cancellationToken).ConfigureAwait(false);
        if (!auth.Ok)
        {
            return Failed(auth.Result, "auth.test", SlackCheckFailure.Token);
        }
        var team = auth.String("team_id");
        var bot = auth.String("user_id");
        if (team is not null && team != teamId)
        {
            return new SlackCheckResult(false, team, bot, null, $"the bot token belongs to team {team}, not {teamId}", Failure: SlackCheckFailure.WrongTeam);
        }
        var info = await _api.FormAsync("conversations.info", token, [new("channel", channelId)], null, cancellationToken).ConfigureAwait(false);
        if (!info.Ok)
        {
            var notFound = info.Result is DeliveryResult.Permanent { Reason: "slack channel_not_found" };
            return Failed(info.Result, "conversations.info", notFound ? SlackCheckFailure.ChannelNotFound : SlackCheckFailure.Other) with { TeamId = team, BotUserId = bot };
        }
        var channel = info.Body.TryGetProperty("channel", out var c) ? c : default;
        var name = channel.ValueKind == System.Text.Json.JsonValueKind.Object && channel.TryGetProperty("name", out var n) ? n.GetString() : null;
        if (Flag(channel, "is_archived"))
        {
            return new SlackCheckResult(false, team, bot, name, $"channel {channelId} is archived", Failure: SlackCheckFailure.Archived);
        }
        if (!Flag(channel, "is_member"))
        {
            // Without the chat:write.public scope Slack answers not_in_channel to every post: say so now, not at the first alarm.
            return new SlackCheckResult(false, team, bot, name, $"the bot is not a member of channel {channelId}: invite it first (/invite)", Failure: SlackCheckFailure.NotInChannel);
        }
        return new SlackCheckResult(true, team, bot, name, null);
    }

    /// <summary>Checks a workspace's bot token alone with <c>auth.test</c>: valid, and of <paramref name="teamId"/>.</summary>
    public async Task<SlackCheckResult> CheckTokenAsync(string token, string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var auth = await _api.FormAsync("auth.test", token, [], null, cancellationToken).ConfigureAwait(false);
        if (!auth.Ok)
        {
            return Failed(auth.Result, "auth.test", SlackCheckFailure.Token);
        }
        var team = auth.String("team_id");
        var bot = auth.String("user_id");
        return team is not null && team != teamId
            ? new SlackCheckResult(false, team, bot, null, $"the bot token belongs to team {team}, not {teamId}", Failure: SlackCheckFailure.WrongTeam)
            : new SlackCheckResult(true, team, bot, null, null);
    }

    private static SlackCheckResult Failed(DeliveryResult result, string method, SlackCheckFailure failure) => result switch
    {
        DeliveryResult.Retryable r => new SlackCheckResult(false, null, null, null, $"{method} could not be completed ({r.Reason}); try again", Retryable: true,
            Failure: SlackCheckFailure.Unavailable),
        DeliveryResult.Permanent p => new SlackCheckResult(false, null, null, null, $"{method} failed: {p.Reason}", Failure: failure),
        _ => new SlackCheckResult(false, null, null, null, $"{method} failed", Failure: failure),
    };

    private static bool Flag(System.Text.Json.JsonElement channel, string name) =>
        channel.ValueKind == System.Text.Json.JsonValueKind.Object && channel.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.True;
}
