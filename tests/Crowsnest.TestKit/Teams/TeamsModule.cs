using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Teams;

/// <summary>
/// Microsoft Teams Workflows webhooks at <c>/workflows/{id}/triggers/manual/paths/invoke?sig=…</c>: Adaptive Card
/// envelopes only, 28 KB, 4 requests per second per webhook; success is 202 Accepted.
/// </summary>
public sealed class TeamsModule(TeamsEmulatorOptions options) : IEmulatorModule, IPlatformPrefixes
{
    private readonly SlidingWindowLimiter _limiter = new(options.TimeProvider);

    public string Name => "teams";

    public TeamsEmulatorOptions Options { get; } = options;

    public WebhookRegistry Webhooks { get; } = new();

    public IReadOnlyList<(string Prefix, string Platform)> Prefixes { get; } = [("/workflows/", "teams-webhook")];

    /// <summary>Creates a webhook and returns its URL (the <c>sig</c> in it is the credential).</summary>
    public Uri CreateWebhook(Uri baseUrl)
    {
        var hook = Webhooks.Add();
        return new Uri(baseUrl, $"workflows/{hook.Id}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={hook.Credential}");
    }

    public void Map(WebApplication app, EmulatorHost host)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(host);
        app.MapPost("/workflows/{id}/triggers/manual/paths/invoke", HandleAsync);
        app.MapPost("/_emulator/teams/webhooks", () => Results.Text(new JsonObject { ["url"] = CreateWebhook(host.BaseUrl).ToString() }.ToJsonString(), "application/json"));
    }

    private async Task HandleAsync(HttpContext context, string id, string? sig)
    {
        var exchange = EmulatorExchange.Of(context);
        exchange.IsWrite = true;
        exchange.Target = id;
        var (status, code, message, retryAfter) = Answer(context, exchange, id, sig);
        exchange.Error = code;
        if (code is null)
        {
            await Http.TextAsync(context, status, "");
            return;
        }
        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
        await Http.JsonAsync(context, status, error, retryAfter);
    }

    private (int Status, string? Code, string? Message, string? RetryAfter) Answer(HttpContext context, EmulatorExchange exchange, string id, string? sig)
    {
        if (!Options.AcceptAnyWebhook)
        {
            var hook = Webhooks.Find(id);
            if (hook is null)
            {
                return (404, "WorkflowNotFound", "The workflow could not be found.", null);
            }
            if (!WebhookRegistry.Matches(hook, sig))
            {
                return (401, "DirectApiInvalidAuthorizationSignature", "The provided signature is not valid.", null);
            }
        }
        if (Options.RateLimitsEnabled && !_limiter.TryAcquire(id, Options.RequestsPerSecond, TimeSpan.FromSeconds(1), out var wait))
        {
            return (429, "TooManyRequests", "Rate limit is exceeded.", Http.Seconds(wait));
        }
        if (!(context.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (415, "UnsupportedMediaType", "The content type must be application/json.", null);
        }
        if (exchange.Body.Length > Options.MaxPayloadBytes)
        {
            return (413, "MessageSizeExceeded", $"The message is larger than {Options.MaxPayloadBytes} bytes.", null);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(exchange.Body);
        }
        catch (JsonException)
        {
            return (400, "InvalidRequestContent", "The request body is not valid JSON.", null);
        }
        return AdaptiveCardEnvelope.Check(root, Options) is { } problem
            ? (400, problem.Code, problem.Message, null)
            : (Options.SuccessStatus, null, null, null);
    }
}
