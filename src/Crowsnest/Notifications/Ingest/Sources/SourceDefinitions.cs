namespace Crowsnest.Notifications.Ingest.Sources;

/// <summary>How an EventBridge API destination's connection authenticates (as EventBridge connections do).</summary>
public enum EventSourceAuthorization
{
    /// <summary>A header named <c>ApiKeyName</c> carrying <c>ApiKeyValue</c>.</summary>
    ApiKey = 0,

    /// <summary><c>Authorization: Basic base64(user:password)</c>.</summary>
    Basic,
}

/// <summary>
/// An EventBridge API-destination source, stored as a resource of kind <see cref="Kind"/>: document
/// <c>{"AuthorizationType":"API_KEY","ApiKeyName":"x-api-key"}</c> with secrets <c>{"ApiKeyValue":"…"}</c>, or
/// <c>{"AuthorizationType":"BASIC","Username":"…"}</c> with secrets <c>{"Password":"…"}</c>.
/// </summary>
/// <param name="Id">The source id (also the notification's source key).</param>
/// <param name="Authorization">API key or basic.</param>
/// <param name="Name">The API key header name, or the basic-auth user name.</param>
/// <param name="Secret">The API key value, or the password.</param>
public sealed record EventSourceDefinition(string Id, EventSourceAuthorization Authorization, string Name, string Secret)
{
    /// <summary>The resource kind.</summary>
    public const string Kind = "event-source";

    /// <inheritdoc />
    public override string ToString() => $"EventSource {Id} ({Authorization}, {Name})";
}

/// <summary>How a webhook caller proves itself.</summary>
public enum WebhookAuthentication
{
    /// <summary>A secret token in a header (default <c>X-Crowsnest-Token</c>).</summary>
    Token = 0,

    /// <summary>
    /// <c>X-Crowsnest-Timestamp</c> (Unix seconds, within 5 minutes) and <c>X-Crowsnest-Signature: v1=hex(HMAC-SHA256(secret, "v1:" + timestamp + ":" + body))</c>.
    /// </summary>
    Hmac,
}

/// <summary>
/// A generic webhook source, stored as a resource of kind <see cref="Kind"/>: document
/// <c>{"Authentication":"TOKEN","HeaderName":"X-Crowsnest-Token"}</c> with secrets <c>{"Token":"…"}</c>, or
/// <c>{"Authentication":"HMAC"}</c> with secrets <c>{"SigningSecret":"…"}</c>.
/// </summary>
/// <param name="Id">The webhook id in <c>/webhooks/{id}</c>.</param>
/// <param name="Authentication">Token or HMAC.</param>
/// <param name="HeaderName">The token header (token mode).</param>
/// <param name="Secret">The token or the signing secret.</param>
public sealed record WebhookSourceDefinition(string Id, WebhookAuthentication Authentication, string HeaderName, string Secret)
{
    /// <summary>The resource kind.</summary>
    public const string Kind = "webhook-source";

    /// <summary>The default token header.</summary>
    public const string DefaultTokenHeader = "X-Crowsnest-Token";

    /// <summary>The HMAC timestamp header.</summary>
    public const string TimestampHeader = "X-Crowsnest-Timestamp";

    /// <summary>The HMAC signature header.</summary>
    public const string SignatureHeader = "X-Crowsnest-Signature";

    /// <inheritdoc />
    public override string ToString() => $"WebhookSource {Id} ({Authentication})";
}
