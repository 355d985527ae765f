using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Slack;

/// <summary>
/// Slack's side of the Events API, slash commands and interactivity: builds the payloads and posts them to an app's
/// endpoint signed as Slack signs them (<c>X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + body))</c>,
/// <c>X-Slack-Request-Timestamp</c>). For the command pipeline's tests; the receiving side is Crowsnest's.
/// </summary>
public sealed class SlackEventSender(HttpClient http, string signingSecret, TimeProvider time, SlackWorkspace? workspace = null)
{
    private readonly SlackWorkspace _workspace = workspace ?? new SlackWorkspace();
    private long _eventSeq;

    /// <summary>The <c>v0=</c> signature Slack sends for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var basis = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), basis));
    }

    /// <summary>An <c>event_callback</c> envelope for an <c>app_mention</c> (<c>&lt;@bot&gt; text</c>) in a channel or thread.</summary>
    public JsonObject AppMention(string channel, string user, string text, string? threadTs = null)
    {
        var ts = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var eventTs = ts.ToString("F6", CultureInfo.InvariantCulture);
        var inner = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = $"<@{_workspace.BotUserId}> {text}",
            ["ts"] = eventTs,
            ["channel"] = channel,
            ["event_ts"] = eventTs,
            ["team"] = _workspace.TeamId,
        };
        if (threadTs is not null)
        {
            inner["thread_ts"] = threadTs;
        }
        return new JsonObject
        {
            ["token"] = "legacy-verification-token",
            ["team_id"] = _workspace.TeamId,
            ["api_app_id"] = _workspace.AppId,
            ["event"] = inner,
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{Interlocked.Increment(ref _eventSeq):D10}",
            ["event_time"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = _workspace.TeamId, ["user_id"] = _workspace.BotUserId, ["is_bot"] = true }),
        };
    }

    /// <summary>Posts an Events API body (JSON); a retry carries <c>X-Slack-Retry-Num</c> and <c>X-Slack-Retry-Reason</c>.</summary>
    public Task<HttpResponseMessage> SendEventAsync(Uri endpoint, JsonObject body, int retryNum = 0, string retryReason = "http_timeout",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = Signed(endpoint, body.ToJsonString(), "application/json", null);
        if (retryNum > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNum.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", retryReason);
        }
        return SendAsync(request, cancellationToken);
    }

    /// <summary>Posts a slash command (form-encoded fields such as <c>command</c>, <c>text</c>, <c>channel_id</c>, <c>user_id</c>, <c>response_url</c>).</summary>
    public Task<HttpResponseMessage> SendFormAsync(Uri endpoint, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return SendAsync(Signed(endpoint, body, "application/x-www-form-urlencoded", null), cancellationToken);
    }

    /// <summary>Posts an interactivity payload (<c>block_actions</c>, view submission) as Slack does: form field <c>payload=&lt;json&gt;</c>.</summary>
    public Task<HttpResponseMessage> SendInteractionAsync(Uri endpoint, JsonObject payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return SendFormAsync(endpoint, [KeyValuePair.Create("payload", payload.ToJsonString())], cancellationToken);
    }

    /// <summary>A request signed now, or at <paramref name="at"/> (to test replay refusal).</summary>
    public HttpRequestMessage Signed(Uri endpoint, string body, string contentType, DateTimeOffset? at)
    {
        var timestamp = (at ?? time.GetUtcNow()).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", Sign(signingSecret, timestamp, body));
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await http.SendAsync(request, cancellationToken);
        }
    }
}
