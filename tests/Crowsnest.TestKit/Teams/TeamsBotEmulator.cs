using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Hosting;
using Crowsnest.TestKit.Recording;

namespace Crowsnest.TestKit.Teams;

/// <summary>How to (mis)sign an activity's token, for tests of the bot's checks.</summary>
public sealed record ActivityToken
{
    public static ActivityToken Valid { get; } = new();

    /// <summary>Overrides <c>aud</c> (default: the bot's app id).</summary>
    public string? Audience { get; init; }

    /// <summary>Overrides <c>iss</c> (default: <c>https://api.botframework.com</c>).</summary>
    public string? Issuer { get; init; }

    /// <summary>Overrides the <c>serviceurl</c> claim (default: the activity's serviceUrl).</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Shifts the token's lifetime (negative: an expired token).</summary>
    public TimeSpan Shift { get; init; }

    /// <summary>Signs with this key instead of the published one (a forger's key with the same kid).</summary>
    public BotFrameworkSigner? OtherKey { get; init; }
}

/// <summary>
/// A Bot Framework emulator on 127.0.0.1: point the bot's OpenID metadata URL at <see cref="OpenIdMetadataUrl"/>, its
/// token endpoint at <see cref="TokenEndpoint"/>, and send it activities with <see cref="SendAsync"/>; the connector
/// at <see cref="ServiceUrl"/> records its replies.
/// </summary>
public sealed class TeamsBotEmulator : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private TeamsBotEmulator(EmulatorHost host, TeamsBotModule module)
    {
        Host = host;
        Module = module;
        Activities = new TeamsActivities(module.Options, ServiceUrl, module.NewId);
    }

    public EmulatorHost Host { get; }

    public TeamsBotModule Module { get; }

    public TeamsBotOptions Options => Module.Options;

    public ReceiptLog Received => Host.Received;

    public Uri OpenIdMetadataUrl => new(Host.BaseUrl, "botframework/v1/.well-known/openidconfiguration");

    public Uri TokenEndpoint => new(Host.BaseUrl, "botframework/oauth2/v2.0/token");

    /// <summary>The Bot Connector base that activities carry as <c>serviceUrl</c>.</summary>
    public Uri ServiceUrl => new(Host.BaseUrl, "connector/");

    /// <summary>Builds activities as Teams sends them.</summary>
    public TeamsActivities Activities { get; }

    public static async Task<TeamsBotEmulator> StartAsync(TeamsBotOptions? options = null, CancellationToken cancellationToken = default)
    {
        var module = new TeamsBotModule(options ?? new TeamsBotOptions());
        return new TeamsBotEmulator(await EmulatorHost.StartAsync(module.Options, [module], cancellationToken), module);
    }

    /// <summary>POSTs <paramref name="activity"/> to the bot's messaging endpoint with a Bot Framework token (see <paramref name="token"/>).</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri botEndpoint, JsonObject activity, ActivityToken? token = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity["id"]?.GetValue<string>() is { } id)
        {
            Module.Known(id);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, botEndpoint)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(activity, token));
        return await _http.SendAsync(request, cancellationToken);
    }

    /// <summary>The JWT the Bot Connector would send with <paramref name="activity"/> (or a forgery, see <paramref name="token"/>).</summary>
    public string Token(JsonObject activity, ActivityToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        token ??= ActivityToken.Valid;
        var now = Options.TimeProvider.GetUtcNow() + token.Shift;
        var claims = new JsonObject
        {
            ["serviceurl"] = token.ServiceUrl ?? activity["serviceUrl"]?.GetValue<string>(),
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(60).ToUnixTimeSeconds(),
            ["iss"] = token.Issuer ?? "https://api.botframework.com",
            ["aud"] = token.Audience ?? Options.AppId,
        };
        return (token.OtherKey ?? Module.Signer).Sign(claims);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
        Module.Dispose();
    }
}
