using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Hosting;
using Crowsnest.TestKit.Recording;

namespace Crowsnest.TestKit.Webhooks;

/// <summary>A generic webhook receiver on 127.0.0.1 for tests, verifying Crowsnest's HMAC signatures.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebhookReceiver(EmulatorHost host, WebhookReceiverModule module)
    {
        Host = host;
        Module = module;
    }

    public EmulatorHost Host { get; }

    public WebhookReceiverModule Module { get; }

    public Uri BaseUrl => Host.BaseUrl;

    public ReceiptLog Received => Host.Received;

    public FaultInjector Faults => Host.Faults;

    public static async Task<WebhookReceiver> StartAsync(WebhookReceiverOptions? options = null, CancellationToken cancellationToken = default)
    {
        var module = new WebhookReceiverModule(options ?? new WebhookReceiverOptions());
        return new WebhookReceiver(await EmulatorHost.StartAsync(module.Options, [module], cancellationToken), module);
    }

    /// <summary>Creates an endpoint and returns its URL; with a secret, posts must carry a valid signature.</summary>
    public Uri CreateEndpoint(string? secret = null) => Module.CreateEndpoint(BaseUrl, secret);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
