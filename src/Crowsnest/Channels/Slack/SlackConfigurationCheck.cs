using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Slack;

/// <summary>The answer of a Slack configuration check. <see cref="Problem"/> is secret-free text for the API's error.</summary>
/// <param name="Ok">True when the token works and the bot can post to the channel.</param>
/// <param name="TeamId">The token's team (from <c>auth.test</c>).</param>
/// <param name="BotUserId">The bot's user id.</param>
/// <param name="ChannelName">The channel's name (from <c>conversations.info</c>).</param>
/// <param name="Problem">What is wrong, when not ok.</param>
/// <param name="Retryable">True when the check could not be made (Slack down, rate limited) rather than failed.</param>
public sealed record SlackCheckResult(bool Ok, string? TeamId, string? BotUserId, string? ChannelName, string? Problem, bool Retryable = false);

/// <summary>
/// Checks a Slack configuration when it is saved: <c>auth.test</c> (the token is valid, and of the expected team) and
/// <c>conversations.info</c> (the channel exists, is not archived, and the bot is a member or it is public).
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
            return Failed(auth.Result, "auth.test");
        }
        var team = auth.String("team_id");
        var bot = auth.String("user_id");
        if (team is not null && team != teamId)
        {
            return new SlackCheckResult(false, team, bot, null, $"the bot token belongs to team {team}, not {teamId}");
        }
        var info = await _api.FormAsync("conversations.info", token, [new("channel", channelId)], null, cancellationToken).ConfigureAwait(false);
        if (!info.Ok)
        {
            return Failed(info.Result, "conversations.info") with { TeamId = team, BotUserId = bot };
        }
        var channel = info.Body.TryGetProperty("channel", out var c) ? c : default;
        var name = channel.ValueKind == System.Text.Json.JsonValueKind.Object && channel.TryGetProperty("name", out var n) ? n.GetString() : null;
        if (Flag(channel, "is_archived"))
        {
            return new SlackCheckResult(false, team, bot, name, $"channel {channelId} is archived");
        }
        if (Flag(channel, "is_private") && !Flag(channel, "is_member"))
        {
            return new SlackCheckResult(false, team, bot, name, $"the bot is not a member of the private channel {channelId}: invite it first");
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
            return Failed(auth.Result, "auth.test");
        }
        var team = auth.String("team_id");
        var bot = auth.String("user_id");
        return team is not null && team != teamId
            ? new SlackCheckResult(false, team, bot, null, $"the bot token belongs to team {team}, not {teamId}")
            : new SlackCheckResult(true, team, bot, null, null);
    }

    private static SlackCheckResult Failed(DeliveryResult result, string method) => result switch
    {
        DeliveryResult.Retryable r => new SlackCheckResult(false, null, null, null, $"{method} could not be completed ({r.Reason}); try again", Retryable: true),
        DeliveryResult.Permanent p => new SlackCheckResult(false, null, null, null, $"{method} failed: {p.Reason}"),
        _ => new SlackCheckResult(false, null, null, null, $"{method} failed"),
    };

    private static bool Flag(System.Text.Json.JsonElement channel, string name) =>
        channel.ValueKind == System.Text.Json.JsonValueKind.Object && channel.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.True;
}
