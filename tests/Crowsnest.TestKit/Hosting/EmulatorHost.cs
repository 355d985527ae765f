using System.Net;
using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Recording;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Crowsnest.TestKit.Hosting;

/// <summary>
/// A Kestrel server on 127.0.0.1 carrying one or more emulator modules, with fault injection in front of every
/// platform endpoint, a receipt log behind it, and the control API under <c>/_emulator/</c>.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private EmulatorHost(WebApplication app, EmulatorOptions options, IReadOnlyList<IEmulatorModule> modules)
    {
        _app = app;
        Options = options;
        Modules = modules;
        Received = new ReceiptLog(options.MaxRecords);
        Faults = new FaultInjector(options.Faults, options.Seed, options.TimeProvider);
    }

    /// <summary>The options it was started with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The modules it carries.</summary>
    public IReadOnlyList<IEmulatorModule> Modules { get; }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Everything the platform endpoints received.</summary>
    public ReceiptLog Received { get; }

    /// <summary>The fault injector in front of the platform endpoints.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The emulator's clock.</summary>
    public TimeProvider Time => Options.TimeProvider;

    /// <summary>Signalled when the host stops; long waits end on it.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Starts a host with <paramref name="modules"/> and returns once it is listening.</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, IReadOnlyList<IEmulatorModule> modules,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modules);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogLevel is { } level)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(level);
        }
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        builder.WebHost.UseSockets(s => s.Backlog = options.ListenBacklog);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var host = new EmulatorHost(app, options, modules);
        var prefixes = modules.OfType<IPlatformPrefixes>().SelectMany(m => m.Prefixes).ToList();
        app.Use((context, next) => PlatformPipeline.RunAsync(host, prefixes, context, next));
        ControlEndpoints.Map(app, host);
        foreach (var module in modules)
        {
            module.Map(app, host);
        }
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = new Uri(new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)), "/");
        return host;
    }

    /// <summary>The module of type <typeparamref name="T"/>.</summary>
    public T Module<T>()
        where T : IEmulatorModule => Modules.OfType<T>().Single();

    /// <summary>Stops listening and ends pending slow answers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A module's URL path prefixes and the platform name recorded for each.</summary>
public interface IPlatformPrefixes
{
    /// <summary>(prefix such as <c>/api/</c>, platform such as <c>slack-api</c>).</summary>
    IReadOnlyList<(string Prefix, string Platform)> Prefixes { get; }
}
