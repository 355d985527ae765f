using System.Text.Json.Nodes;
using Crowsnest.Channels.Webhook;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Webhooks;

/// <summary>
/// A generic webhook receiver at <c>/hooks/{id}</c>. A hook registered with a secret requires a valid
/// <see cref="WebhookSigner"/> signature (401 otherwise); the answer is <see cref="WebhookReceiverOptions.SuccessStatus"/>.
/// </summary>
public sealed class WebhookReceiverModule(WebhookReceiverOptions options) : IEmulatorModule, IPlatformPrefixes
{
    public string Name => "webhook";

    public WebhookReceiverOptions Options { get; } = options;

    public WebhookRegistry Hooks { get; } = new();

    public IReadOnlyList<(string Prefix, string Platform)> Prefixes { get; } = [("/hooks/", "webhook")];

    /// <summary>Creates a hook and returns its URL; with <paramref name="secret"/>, posts must be signed with it.</summary>
    public Uri CreateEndpoint(Uri baseUrl, string? secret = null)
    {
        var hook = Hooks.Add(credential: secret ?? "");
        return new Uri(baseUrl, $"hooks/{hook.Id}");
    }

    public void Map(WebApplication app, EmulatorHost host)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(host);
        app.MapPost("/hooks/{id}", (HttpContext c, string id) => HandleAsync(c, host, id));
        app.MapPost("/_emulator/webhook/hooks", (string? secret) =>
            Results.Text(new JsonObject { ["url"] = CreateEndpoint(host.BaseUrl, secret).ToString() }.ToJsonString(), "application/json"));
    }

    private async Task HandleAsync(HttpContext context, EmulatorHost host, string id)
    {
        var exchange = EmulatorExchange.Of(context);
        exchange.IsWrite = true;
        exchange.Target = id;
        var hook = Hooks.Find(id);
        if (hook is null && !Options.AcceptAnyPath)
        {
            exchange.Error = "not_found";
            await Http.TextAsync(context, 404, "not_found");
            return;
        }
        if (hook is { Credential.Length: > 0 })
        {
            var check = WebhookSigner.Verify(hook.Credential, context.Request.Headers[WebhookSigner.TimestampHeader],
                context.Request.Headers[WebhookSigner.SignatureHeader], exchange.Body, host.Time.GetUtcNow(), Options.SignatureTolerance);
            if (check != WebhookSignatureCheck.Valid)
            {
                exchange.Error = "signature_" + check.ToString().ToLowerInvariant();
                await Http.TextAsync(context, 401, exchange.Error);
                return;
            }
        }
        await Http.TextAsync(context, Options.SuccessStatus, Options.SuccessStatus == 204 ? "" : "ok");
    }
}
