using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Teams;

/// <summary>One call the bot made to the Bot Connector conversation API.</summary>
/// <param name="Method"><c>POST</c> (reply or new post) or <c>PUT</c> (update).</param>
/// <param name="ConversationId">The conversation id from the path (decoded).</param>
/// <param name="ActivityId">The activity replied to or updated; null for a new top-level post.</param>
/// <param name="Activity">The activity the bot sent.</param>
/// <param name="Id">The id the connector gave (or kept) for it.</param>
public sealed record ConnectorCall(string Method, string ConversationId, string? ActivityId, JsonObject Activity, string Id);

/// <summary>
/// The Bot Framework side of a Teams bot: OpenID metadata and signing keys under <c>/botframework/v1/</c>, the
/// client-credentials token endpoint (<c>/botframework/oauth2/v2.0/token</c>, checks client id and secret), and the
/// Bot Connector conversation API under <c>/connector/v3/</c> (bearer token required, replies and updates recorded).
/// </summary>
public sealed class TeamsBotModule(TeamsBotOptions options) : IEmulatorModule, IPlatformPrefixes, IDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _activities = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly Channel<ConnectorCall> _arrivals = Channel.CreateUnbounded<ConnectorCall>();
    private long _ids = 1_732_000_000_000;

    public string Name => "teamsbot";

    public TeamsBotOptions Options { get; } = options;

    /// <summary>The key the emulator publishes and signs activities with.</summary>
    public BotFrameworkSigner Signer { get; } = new("emulator-key-1", ["msteams"]);

    /// <summary>Every accepted connector call, in order.</summary>
    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    /// <summary>Tokens issued by the token endpoint.</summary>
    public int TokensIssued => _tokens.Count;

    public IReadOnlyList<(string Prefix, string Platform)> Prefixes { get; } = [("/connector/", "teams-connector"), ("/botframework/oauth2/", "teams-token")];

    /// <summary>The next accepted connector call.</summary>
    public async Task<ConnectorCall> NextCallAsync(CancellationToken cancellationToken) => await _arrivals.Reader.ReadAsync(cancellationToken);

    /// <summary>A new message id, as the connector assigns them.</summary>
    public string NewId() => Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Map(WebApplication app, EmulatorHost host)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(host);
        app.MapGet("/botframework/v1/.well-known/openidconfiguration", () => Json(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = new Uri(host.BaseUrl, "botframework/v1/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }));
        app.MapGet("/botframework/v1/keys", () => Json(new JsonObject { ["keys"] = new JsonArray(Signer.Jwk()) }));
        app.MapPost("/botframework/oauth2/v2.0/token", (HttpContext c, CancellationToken _) => TokenAsync(c));
        app.MapPost("/connector/v3/conversations/{conversationId}/activities", (HttpContext c, string conversationId) => ConnectorAsync(c, "POST", conversationId, null));
        app.MapPost("/connector/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => ConnectorAsync(c, "POST", conversationId, activityId));
        app.MapPut("/connector/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId, string activityId) => ConnectorAsync(c, "PUT", conversationId, activityId));
        app.MapGet("/_emulator/teamsbot/calls", () => Json(new JsonArray([.. Calls.Select(c => (JsonNode)new JsonObject
        {
            ["method"] = c.Method,
            ["conversationId"] = c.ConversationId,
            ["activityId"] = c.ActivityId,
            ["id"] = c.Id,
            ["activity"] = c.Activity.DeepClone(),
        })])));
    }

    /// <summary>Marks a message as existing in the conversation (the activity Teams sent the bot), so replies to it and updates of it are accepted.</summary>
    public void Known(string activityId) => _activities[activityId] = true;

    public void Dispose() => Signer.Dispose();

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default")
        {
            return TokenError(400, "invalid_request", "AADSTS900144: The request body must contain grant_type=client_credentials and the Bot Framework scope.");
        }
        if (form["client_id"] != Options.AppId || form["client_secret"] != Options.AppPassword)
        {
            return TokenError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }
        var token = "emulator-access-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = Options.TimeProvider.GetUtcNow() + Options.TokenLifetime;
        return Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)Options.TokenLifetime.TotalSeconds,
            ["ext_expires_in"] = (int)Options.TokenLifetime.TotalSeconds,
            ["access_token"] = token,
        });
    }

    private IResult ConnectorAsync(HttpContext context, string method, string conversationId, string? activityId)
    {
        var exchange = EmulatorExchange.Of(context);
        exchange.IsWrite = true;
        exchange.Target = conversationId;
        var auth = context.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : "";
        if (!_tokens.TryGetValue(token, out var expires) || expires <= Options.TimeProvider.GetUtcNow())
        {
            exchange.Error = "Unauthorized";
            return Json(new JsonObject { ["message"] = "Authorization has been denied for this request." }, 401);
        }
        JsonObject? activity;
        try
        {
            activity = JsonNode.Parse(exchange.Body) as JsonObject;
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity is null || activity["type"]?.GetValue<string>() != "message")
        {
            exchange.Error = "BadSyntax";
            return Error(400, "BadSyntax", "The activity must be a JSON object of type message.");
        }
        if (activityId is not null && !_activities.ContainsKey(activityId))
        {
            exchange.Error = "ActivityNotFound";
            return Error(404, "ActivityNotFound", "The activity does not exist in this conversation.");
        }
        var id = method == "PUT" ? activityId! : NewId();
        _activities[id] = true;
        var call = new ConnectorCall(method, conversationId, activityId, activity, id);
        _calls.Enqueue(call);
        _arrivals.Writer.TryWrite(call);
        return Json(new JsonObject { ["id"] = id }, method == "PUT" ? 200 : 201);
    }

    private static IResult Error(int status, string code, string message) =>
        Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, status);

    private static IResult TokenError(int status, string code, string description) =>
        Json(new JsonObject { ["error"] = code, ["error_description"] = description }, status);

    private static IResult Json(JsonNode node, int status = 200) => Results.Text(node.ToJsonString(), "application/json", statusCode: status);
}
