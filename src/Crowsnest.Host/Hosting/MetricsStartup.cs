using Crowsnest.Diagnostics;
using Prometheus;

namespace Crowsnest.Host.Hosting;

/// <summary>
/// prometheus-net starts listening to .NET meters only before its first scrape; measurements made earlier are lost.
/// Collect once at start so every counter (intake refusals in the first second included) is exported.
/// </summary>
internal sealed class MetricsStartup(CrowsnestMetrics metrics) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = metrics.Meter;
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
