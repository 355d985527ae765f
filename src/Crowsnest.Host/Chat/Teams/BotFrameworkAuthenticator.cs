using System.Collections;
using System.Text.Json;
using Crowsnest.Host.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Crowsnest.Host.Chat.Teams;

/// <summary>The outcome of checking a Bot Framework request: accepted, refused (401) with a reason for the log, or keys unavailable (503).</summary>
internal sealed record BotAuthResult(bool Accepted, string? Reason, bool KeysUnavailable = false)
{
    public static BotAuthResult Ok { get; } = new(true, null);

    public static BotAuthResult Refuse(string reason) => new(false, reason);
}

/// <summary>
/// Validates the JWT that the Bot Framework sends with each activity, as its SDK does: signed (RS256/384/512) by a key
/// of the published OpenID metadata (cached; refreshed when an unknown key id appears) that is endorsed for the
/// activity's channel (<c>msteams</c>), issuer <c>https://api.botframework.com</c>, audience the bot's app id,
/// within its lifetime (5 minutes of clock skew), and a <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// </summary>
internal sealed class BotFrameworkAuthenticator
{
    public const string Issuer = "https://api.botframework.com";

    private const int MaxTokenLength = 16 * 1024;
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly string _appId;
    private readonly TimeProvider _time;

    public BotFrameworkAuthenticator(TeamsBotSettings settings, HttpClient http, TimeProvider time)
    {
        _appId = settings.AppId!;
        _time = time;
        var url = new Uri(settings.OpenIdMetadataUrl);
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(url.ToString(), new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(http) { RequireHttps = !url.IsLoopback })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
    }

    public async Task<BotAuthResult> ValidateAsync(string? authorization, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length > MaxTokenLength)
        {
            return BotAuthResult.Refuse("no bearer token");
        }
        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return BotAuthResult.Refuse("malformed token");
        }
        var kid = new JsonWebToken(token).Kid;
        JsonWebKey? key;
        try
        {
            key = await FindKeyAsync(kid, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return new BotAuthResult(false, "the Bot Framework signing keys could not be read", KeysUnavailable: true);
        }
        if (key is null)
        {
            return BotAuthResult.Refuse("unknown signing key");
        }
        if (channelId is null || !Endorses(key, channelId))
        {
            return BotAuthResult.Refuse($"signing key not endorsed for channel '{channelId}'");
        }
        var result = await _handler.ValidateTokenAsync(token, Parameters(key));
        if (!result.IsValid)
        {
            return BotAuthResult.Refuse(Describe(result.Exception));
        }
        var claimed = result.Claims.TryGetValue("serviceurl", out var s) ? s as string : null;
        return serviceUrl is not null && string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase)
            ? BotAuthResult.Ok
            : BotAuthResult.Refuse("serviceurl claim does not match the activity's serviceUrl");
    }

    private async Task<JsonWebKey?> FindKeyAsync(string? kid, CancellationToken cancellationToken)
    {
        var config = await _metadata.GetConfigurationAsync(cancellationToken);
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null)
        {
            // Keys roll over: look again, at most once per refresh interval.
            _metadata.RequestRefresh();
            config = await _metadata.GetConfigurationAsync(cancellationToken);
            key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        }
        return key;
    }

    private TokenValidationParameters Parameters(JsonWebKey key) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = _appId,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = Skew,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return expires is { } e && now <= e + Skew && (notBefore is not { } nb || now >= nb - Skew);
        },
    };

    private static bool Endorses(JsonWebKey key, string channelId)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return false;
        }
        IEnumerable<string?> values = endorsements switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null),
            string one => [one],
            IEnumerable many => many.Cast<object?>().Select(o => o?.ToString()),
            _ => [],
        };
        return values.Any(v => string.Equals(v, channelId, StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(Exception? e) => e switch
    {
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException or SecurityTokenNotYetValidException or SecurityTokenNoExpirationException => "outside its lifetime",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "bad signature",
        null => "invalid token",
        _ => $"invalid token ({e.GetType().Name})",
    };
}
