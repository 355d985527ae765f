using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Chime;

/// <summary>
/// Amazon Chime incoming webhooks at <c>/incomingwebhooks/{id}?token=…</c>: body <c>{"Content":"…"}</c> only;
/// 413 above 4,096 characters, 429 above 1 TPS, 403 for a bad URL, 404 for a deleted webhook, 400 for
/// <c>@All</c>/<c>@Present</c> in a room of more than 50 members.
/// </summary>
public sealed class ChimeModule(ChimeEmulatorOptions options) : IEmulatorModule, IPlatformPrefixes
{
    private readonly TokenBuckets _buckets = new(options.TimeProvider);

    public string Name => "chime";

    public ChimeEmulatorOptions Options { get; } = options;

    public WebhookRegistry Webhooks { get; } = new();

    public IReadOnlyList<(string Prefix, string Platform)> Prefixes { get; } = [("/incomingwebhooks/", "chime-webhook")];

    /// <summary>Creates a webhook for a room of <paramref name="roomMembers"/> and returns its URL (the token in it is the credential).</summary>
    public Uri CreateWebhook(Uri baseUrl, int roomMembers = 10)
    {
        var hook = Webhooks.Add(members: roomMembers);
        return new Uri(baseUrl, $"incomingwebhooks/{hook.Id}?token={hook.Credential}");
    }

    public void Map(WebApplication app, EmulatorHost host)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(host);
        app.MapPost("/incomingwebhooks/{id}", HandleAsync);
        app.MapPost("/_emulator/chime/webhooks", (int? members) =>
            Results.Text(new JsonObject { ["url"] = CreateWebhook(host.BaseUrl, members ?? 10).ToString() }.ToJsonString(), "application/json"));
    }

    private async Task HandleAsync(HttpContext context, string id, string? token)
    {
        var exchange = EmulatorExchange.Of(context);
        exchange.IsWrite = true;
        exchange.Target = id;
        var (status, error, retryAfter) = Answer(exchange, id, token);
        exchange.Error = error;
        if (error is null)
        {
            await Http.JsonAsync(context, 200, new JsonObject { ["MessageId"] = Guid.NewGuid().ToString(), ["RoomId"] = id });
            return;
        }
        await Http.JsonAsync(context, status, new JsonObject { ["Code"] = error, ["Message"] = error }, retryAfter);
    }

    private (int Status, string? Error, string? RetryAfter) Answer(EmulatorExchange exchange, string id, string? token)
    {
        var members = 10;
        if (Options.ServiceEnded)
        {
            return (404, "NotFound", null);
        }
        if (!Options.AcceptAnyWebhook)
        {
            var hook = Webhooks.Find(id);
            if (hook is null)
            {
                return (404, "NotFound", null);
            }
            if (!WebhookRegistry.Matches(hook, token))
            {
                return (403, "Forbidden", null);
            }
            members = hook.Members;
        }
        if (Options.RateLimitsEnabled && !_buckets.TryAcquire(id, Options.PerSecond, Options.Burst, out var wait))
        {
            return (429, "Throttled", Http.Seconds(wait));
        }
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(exchange.Body) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null || body.Count != 1 || body["Content"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return (400, "BadRequest", null);
        }
        var content = value.GetValue<string>();
        if (content.Length > Options.MaxContentChars)
        {
            return (413, "PayloadTooLarge", null);
        }
        if (members > 50 && (content.Contains("@All", StringComparison.Ordinal) || content.Contains("@Present", StringComparison.Ordinal)))
        {
            return (400, "BadRequest", null);
        }
        return (200, null, null);
    }
}
