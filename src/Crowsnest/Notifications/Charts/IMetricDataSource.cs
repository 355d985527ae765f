namespace Crowsnest.Notifications.Charts;

/// <summary>
/// Fetches the datapoints of an alarm's metric queries (CloudWatch GetMetricData with the configuration's role).
/// Expected failures (access denied, throttling, unknown metric) are answered as <see cref="MetricDataResult.Failed"/>
/// with a reason fit for chat; the token is honoured.
/// </summary>
public interface IMetricDataSource
{
    Task<MetricDataResult> FetchAsync(MetricChartRequest request, ChartWindow window, CancellationToken cancellationToken);
}
