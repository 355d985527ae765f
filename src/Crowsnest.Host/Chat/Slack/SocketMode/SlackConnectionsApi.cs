using System.Net.Http.Headers;
using System.Text.Json;

namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>The answer of <c>apps.connections.open</c>: a WebSocket URL, or Slack's error code.</summary>
/// <param name="Url">The single-use <c>wss://</c> URL.</param>
/// <param name="Error">Slack's error code (never a token).</param>
/// <param name="Refused">True when the token itself was refused: retrying cannot help until it changes.</param>
/// <param name="RetryAfter">Slack's <c>Retry-After</c> on 429.</param>
internal sealed record ConnectionsOpenResult(Uri? Url, string? Error, bool Refused, TimeSpan? RetryAfter = null);

/// <summary>Calls <c>apps.connections.open</c> with a workspace's app-level token.</summary>
internal sealed class SlackConnectionsApi(HttpClient http, Uri apiBase)
{
    private static readonly HashSet<string> TokenErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "not_allowed_token_type", "token_revoked", "token_expired", "account_inactive", "missing_scope", "forbidden_team",
    };

    public async Task<ConnectionsOpenResult> OpenAsync(string appToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, "apps.connections.open"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appToken);
        request.Content = new FormUrlEncodedContent([]);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode == 429)
            {
                return new ConnectionsOpenResult(null, "ratelimited", false, response.Headers.RetryAfter?.Delta);
            }
            if (!response.IsSuccessStatusCode)
            {
                return new ConnectionsOpenResult(null, $"http_{(int)response.StatusCode}", false);
            }
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            var root = body.RootElement;
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True
                && root.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri)
                && (uri.Scheme == "wss" || uri.Scheme == "ws"))
            {
                return new ConnectionsOpenResult(uri, null, false);
            }
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unexpected_answer";
            return new ConnectionsOpenResult(null, error, TokenErrors.Contains(error));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ConnectionsOpenResult(null, e is JsonException ? "unreadable_answer" : "unreachable", false);
        }
    }
}
