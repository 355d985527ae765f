using Crowsnest.Diagnostics;
using Prometheus;

namespace Crowsnest.Host.Hosting;

/// <summary>
/// prometheus-net starts listening to .NET meters only before its first scrape; measurements made earlier are lost.
/// Collect once at start so every counter (intake refusals in the first second included) is exported. Only Crowsnest's
/// own meter is adapted: the framework's meters (ASP.NET Core hosting, Kestrel, HttpClient) measure every request again,
/// which the HTTP metrics middleware already does, and cost more per request than the intake itself.
/// </summary>
internal sealed class MetricsStartup(CrowsnestMetrics metrics) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = metrics.Meter;
        Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = i => i.Meter.Name == CrowsnestMetrics.MeterName);
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
