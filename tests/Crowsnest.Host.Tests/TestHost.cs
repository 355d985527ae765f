using Crowsnest.Host.Hosting;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests;

/// <summary>A real <c>crowsnest serve</c> application on a free loopback port, with its own data directory.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, IStore store, string baseUrl, string dataDirectory)
    {
        App = app;
        Store = store;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public IStore Store { get; }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "crowsnest-host-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Builds a host from <paramref name="settings"/> (in a fresh data directory unless given) that must refuse to start; its errors.</summary>
    public static async Task<IReadOnlyList<string>> StartupErrorsAsync(Dictionary<string, string?> settings)
    {
        settings.TryAdd("DataDirectory", NewDataDirectory());
        var built = await CrowsnestHost.BuildAsync(settings, CancellationToken.None);
        Assert.Null(built.App);
        return built.Errors;
    }

    public static async Task<TestHost> StartAsync(Dictionary<string, string?>? overrides = null, string? dataDirectory = null,
        Action<IServiceCollection>? configureServices = null)
    {
        dataDirectory ??= NewDataDirectory();
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Listen"] = $"http://127.0.0.1:{port}",
            ["DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }
        var built = await CrowsnestHost.BuildAsync(settings, CancellationToken.None, configureServices);
        if (built.App is null)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, built.Errors));
        }
        await built.App.StartAsync();
        var listen = new Uri(settings["Listen"]!);
        return new TestHost(built.App, built.Store!, $"{listen.Scheme}://127.0.0.1:{listen.Port}", dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
