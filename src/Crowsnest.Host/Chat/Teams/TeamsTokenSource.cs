using System.Text.Json;
using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.Chat.Teams;

/// <summary>A Bot Connector access token, or why there is none (never the secret).</summary>
internal sealed record TeamsToken(string? AccessToken, string? Error);

/// <summary>
/// The bot's OAuth2 client-credentials token for the Bot Connector API, fetched from the configured token endpoint
/// and cached until five minutes before it expires; one fetch at a time.
/// </summary>
internal sealed class TeamsTokenSource(HttpClient http, TeamsBotSettings settings, TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>The cached token, or a new one when it is due or <paramref name="refresh"/> (the connector refused it).</summary>
    public async Task<TeamsToken> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!refresh && _token is not null && time.GetUtcNow() < _renewAt)
            {
                return new TeamsToken(_token, null);
            }
            _token = null;
            var fetched = await FetchAsync(cancellationToken);
            if (fetched.Token is { } token)
            {
                _token = token;
                _renewAt = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(30, fetched.ExpiresIn - Margin.TotalSeconds));
            }
            return new TeamsToken(fetched.Token, fetched.Error);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string? Token, double ExpiresIn, string? Error)> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", settings.AppId!),
                new("client_secret", settings.AppPassword!),
                new("scope", settings.TokenScope),
            ]),
        };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            var root = body.RootElement;
            if (response.IsSuccessStatusCode && root.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String)
            {
                var expiresIn = root.TryGetProperty("expires_in", out var e) && e.TryGetDouble(out var seconds) ? seconds : 3600;
                return (token.GetString(), expiresIn, null);
            }
            var error = root.TryGetProperty("error", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
            return (null, 0, $"token endpoint answered {(int)response.StatusCode} {error}".Trim());
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, 0, "token endpoint unreachable");
        }
    }
}
