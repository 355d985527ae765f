namespace Crowsnest.Host.Hosting;

/// <summary>The Microsoft Teams bot (Bot Framework). Setting keys <c>Teams:*</c>; the bot is off while <c>Teams:AppId</c> is unset.</summary>
internal sealed class TeamsBotSettings
{
    /// <summary>The real Bot Framework OpenID metadata.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The real token endpoint for multi-tenant bots.</summary>
    public const string DefaultTokenEndpoint = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>The bot's Microsoft App ID (the audience of Teams' tokens). Setting key <c>Teams:AppId</c>.</summary>
    public string? AppId { get; set; }

    /// <summary>The bot's client secret (a secret: never logged). Setting key <c>Teams:AppPassword</c> (env <c>CROWSNEST_TEAMS__APPPASSWORD</c>).</summary>
    public string? AppPassword { get; set; }

    /// <summary>Where the signing keys of inbound activities are published. Setting key <c>Teams:OpenIdMetadataUrl</c>.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>The OAuth2 client-credentials endpoint for replies; a single-tenant bot names its tenant instead of <c>botframework.com</c>. Setting key <c>Teams:TokenEndpoint</c>.</summary>
    public string TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    /// <summary>The token scope. Setting key <c>Teams:TokenScope</c>.</summary>
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Whether the bot endpoint is served.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>No secret in logs or exceptions.</summary>
    public override string ToString() => $"TeamsBotSettings {{ AppId = {AppId} }}";

    /// <summary>The problems with these settings, each naming its key.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }
        if (string.IsNullOrEmpty(AppPassword))
        {
            yield return "Teams:AppPassword: required when Teams:AppId is set (the bot's client secret).";
        }
        foreach (var (key, url) in new[] { ("Teams:OpenIdMetadataUrl", OpenIdMetadataUrl), ("Teams:TokenEndpoint", TokenEndpoint) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                yield return $"{key}: '{url}' must be an absolute https URL (http only on loopback).";
            }
        }
    }
}

/// <summary>Slack Socket Mode. Setting keys <c>SocketMode:*</c>.</summary>
internal sealed class SocketModeSettings
{
    /// <summary>
    /// Whether this instance opens Socket Mode connections for the workspaces that enable it (several instances may:
    /// Slack hands each envelope to one connection). Setting key <c>SocketMode:Enabled</c>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest wait between reconnection attempts. Setting key <c>SocketMode:MaxBackoff</c>.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The problems with these settings, each naming its key.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxBackoff < TimeSpan.FromSeconds(1) || MaxBackoff > TimeSpan.FromHours(1))
        {
            yield return $"SocketMode:MaxBackoff: {MaxBackoff} must be between 1 second and 1 hour.";
        }
    }
}
