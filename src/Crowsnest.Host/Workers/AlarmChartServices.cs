using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Execute;
using Crowsnest.Host.Hosting;
using Crowsnest.Notifications.Charts;

namespace Crowsnest.Host.Workers;

/// <summary>
/// Alarm charts for the delivery worker: GetMetricData through the AWS engine with each configuration's IAM role
/// (assumed with the service's default-chain credentials), drawn with ScottPlot, cached per alarm and period.
/// Endpoints and region come from <see cref="AwsSettings"/> and the SDKs' AWS_ENDPOINT_URL* variables.
/// </summary>
internal static class AlarmChartServices
{
    public static void AddAlarmCharts(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<CrowsnestSettings>().Aws;
            var time = sp.GetRequiredService<TimeProvider>();
            var log = sp.GetRequiredService<ILogger<AlarmCharts>>();
            var endpoints = settings.EndpointOptions();
            var invoker = new AwsInvoker(new HttpClient(), new AwsInvokerOptions { Endpoints = endpoints, Timeout = settings.ChartTimeout }, time);
            Func<CancellationToken, Task<AwsCredentials>> defaultChain = _ => AwsCredentials.FromDefaultChainAsync();
            var assumer = new RoleAssumer(defaultChain, endpoints, time);
            var drawer = new MetricChartDrawer();
            var models = new Lazy<(ServiceCatalog? Catalog, string? Problem)>(() => OpenModels(log));
            return new AlarmCharts(role =>
            {
                IMetricDataSource source = models.Value.Catalog is { } catalog
                    ? CloudWatchMetricDataSource.ForRole(invoker, catalog, assumer, role, defaultChain)
                    : new UnavailableMetricSource(models.Value.Problem!);
                return new ChartAttacher(source, drawer, time, settings.ChartTimeout);
            }, time);
        });
    }

    private static (ServiceCatalog?, string?) OpenModels(ILogger log)
    {
        try
        {
            return (ServiceCatalog.OpenDefault(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            WorkerLog.ChartsUnavailable(log, e.Message);
            return (null, "the AWS service models are not installed on the Crowsnest server");
        }
    }

    /// <summary>Answers every fetch with the same reason (the models could not be loaded).</summary>
    private sealed class UnavailableMetricSource(string reason) : IMetricDataSource
    {
        public Task<MetricDataResult> FetchAsync(MetricChartRequest request, ChartWindow window, CancellationToken cancellationToken) =>
            Task.FromResult(MetricDataResult.Failed(reason));
    }
}
