using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Hosting;
using Crowsnest.TestKit.Recording;

namespace Crowsnest.TestKit.Slack;

/// <summary>
/// A Slack emulator on 127.0.0.1 for tests: <c>await using var slack = await SlackEmulator.StartAsync();</c>, then
/// point a client at <see cref="ApiUrl"/> with <see cref="BotToken"/>.
/// </summary>
public sealed class SlackEmulator : IAsyncDisposable
{
    private readonly SlackModule _module;

    private SlackEmulator(EmulatorHost host, SlackModule module)
    {
        Host = host;
        _module = module;
    }

    public EmulatorHost Host { get; }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUrl => Host.BaseUrl;

    /// <summary>The Web API base, <c>http://127.0.0.1:port/api/</c> (in place of <c>https://slack.com/api/</c>).</summary>
    public Uri ApiUrl => new(Host.BaseUrl, "api/");

    public SlackEmulatorOptions Options => _module.Options;

    /// <summary>The token the emulator accepts.</summary>
    public string BotToken => Options.Workspace.BotToken;

    public SlackState State => _module.State;

    /// <summary>Socket Mode: <see cref="SlackWorkspace.AppToken"/> opens connections; push envelopes, read acks, send <c>disconnect</c>.</summary>
    public SlackSocketMode SocketMode => _module.SocketMode;

    public ReceiptLog Received => Host.Received;

    public FaultInjector Faults => Host.Faults;

    public static async Task<SlackEmulator> StartAsync(SlackEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var module = new SlackModule(options ?? new SlackEmulatorOptions());
        var host = await EmulatorHost.StartAsync(module.Options, [module], cancellationToken);
        return new SlackEmulator(host, module);
    }

    /// <summary>Creates an incoming webhook for <paramref name="channelId"/>.</summary>
    public Uri CreateIncomingWebhook(string channelId) => _module.CreateIncomingWebhook(BaseUrl, channelId);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
