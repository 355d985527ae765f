using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Hosting;
using Crowsnest.TestKit.Recording;

namespace Crowsnest.TestKit.Chime;

/// <summary>An Amazon Chime webhook emulator on 127.0.0.1 for tests.</summary>
public sealed class ChimeEmulator : IAsyncDisposable
{
    private ChimeEmulator(EmulatorHost host, ChimeModule module)
    {
        Host = host;
        Module = module;
    }

    public EmulatorHost Host { get; }

    public ChimeModule Module { get; }

    public Uri BaseUrl => Host.BaseUrl;

    public ReceiptLog Received => Host.Received;

    public FaultInjector Faults => Host.Faults;

    public static async Task<ChimeEmulator> StartAsync(ChimeEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var module = new ChimeModule(options ?? new ChimeEmulatorOptions());
        return new ChimeEmulator(await EmulatorHost.StartAsync(module.Options, [module], cancellationToken), module);
    }

    /// <summary>Creates a webhook for a room with <paramref name="roomMembers"/> members and returns its URL.</summary>
    public Uri CreateWebhook(int roomMembers = 10) => Module.CreateWebhook(BaseUrl, roomMembers);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
