using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Hosting;
using Crowsnest.TestKit.Recording;

namespace Crowsnest.TestKit.Teams;

/// <summary>A Teams Workflows webhook emulator on 127.0.0.1 for tests.</summary>
public sealed class TeamsEmulator : IAsyncDisposable
{
    private TeamsEmulator(EmulatorHost host, TeamsModule module)
    {
        Host = host;
        Module = module;
    }

    public EmulatorHost Host { get; }

    public TeamsModule Module { get; }

    public Uri BaseUrl => Host.BaseUrl;

    public ReceiptLog Received => Host.Received;

    public FaultInjector Faults => Host.Faults;

    public static async Task<TeamsEmulator> StartAsync(TeamsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var module = new TeamsModule(options ?? new TeamsEmulatorOptions());
        return new TeamsEmulator(await EmulatorHost.StartAsync(module.Options, [module], cancellationToken), module);
    }

    /// <summary>Creates a webhook and returns its URL.</summary>
    public Uri CreateWebhook() => Module.CreateWebhook(BaseUrl);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
