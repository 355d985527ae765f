using Crowsnest.Storage;

namespace Crowsnest.Host.Hosting;

/// <summary>
/// Registered first so it stops last: the store is flushed and closed only after the web server and every
/// worker have finished their in-flight work.
/// </summary>
internal sealed class StoreLifetime(IStore store, ILogger<StoreLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await store.DisposeAsync();
        logger.LogInformation("Store closed.");
    }
}
