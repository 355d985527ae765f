using Crowsnest.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Crowsnest.Console.Tests;

/// <summary>A generic-webhook endpoint on loopback that refuses (403, a permanent failure) until told to accept.</summary>
internal sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile bool _accepting;
    private int _received;

    private HookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public int Received => Volatile.Read(ref _received);

    public void Accept() => _accepting = true;

    public static async Task<HookReceiver> StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new HookReceiver(app, baseUrl + "/hook");
        app.MapPost("/hook", () =>
        {
            Interlocked.Increment(ref receiver._received);
            return receiver._accepting ? Results.Ok() : Results.StatusCode(StatusCodes.Status403Forbidden);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
