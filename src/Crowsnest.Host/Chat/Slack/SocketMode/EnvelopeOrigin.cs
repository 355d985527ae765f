using System.Text.Json;

namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>
/// Whether an envelope belongs on the connection it arrived on. A Socket Mode connection is opened with one app's
/// app-level token, and Slack names that app in <c>hello</c>; every payload names its app (<c>api_app_id</c>) and
/// workspace. An envelope for another app, or for a workspace that this token was not registered for, would run a
/// command under another workspace's channel configuration, so it is refused.
/// </summary>
internal static class EnvelopeOrigin
{
    /// <summary>Null when the envelope may be handled; otherwise why not (for the log).</summary>
    public static string? Refusal(SocketFrame frame, string? connectionAppId, Func<string, bool> servesTeam)
    {
        var payload = frame.Payload;
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return "no payload";
        }
        var appId = Str(payload, "api_app_id");
        if (connectionAppId is null || !string.Equals(appId, connectionAppId, StringComparison.Ordinal))
        {
            return $"app '{appId}' is not the connection's app '{connectionAppId}'";
        }
        var team = TeamOf(payload);
        return team is not null && servesTeam(team) ? null : $"workspace '{team}' is not served by this app token";
    }

    private static string? TeamOf(JsonElement payload) =>
        Str(payload, "team_id")
        ?? (payload.TryGetProperty("team", out var team) ? Str(team, "id") : null)
        ?? (payload.TryGetProperty("user", out var user) ? Str(user, "team_id") : null);

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
