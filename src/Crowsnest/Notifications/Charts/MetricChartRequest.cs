namespace Crowsnest.Notifications.Charts;

/// <summary>One CloudWatch metric, as an alarm names it.</summary>
/// <param name="Namespace">Metric namespace, e.g. <c>AWS/EC2</c>.</param>
/// <param name="MetricName">Metric name.</param>
/// <param name="Dimensions">Dimension name → value.</param>
/// <param name="Statistic">A statistic (<c>Average</c>, <c>Sum</c>, ...) or an extended one (<c>p99</c>).</param>
/// <param name="Period">Aggregation period.</param>
/// <param name="Id">The metric-math id, when the alarm uses metric math.</param>
/// <param name="Expression">A metric-math expression instead of a metric, when the alarm uses one.</param>
/// <param name="ReturnData">Whether this query is the one the alarm evaluates.</param>
public sealed record MetricQuery(
    string? Namespace,
    string? MetricName,
    IReadOnlyDictionary<string, string> Dimensions,
    string? Statistic,
    TimeSpan Period,
    string? Id = null,
    string? Expression = null,
    bool ReturnData = true);

/// <summary>
/// What is needed to draw an alarm's chart: the metric(s), the threshold and the moment the state changed.
/// Filled by the CloudWatch alarm event type; used by the chart fetcher and drawer.
/// </summary>
/// <param name="AlarmName">The alarm's name (chart title).</param>
/// <param name="Region">The region to query.</param>
/// <param name="Account">The account, when known.</param>
/// <param name="Queries">The metric or metric-math queries.</param>
/// <param name="Threshold">The static threshold, when the alarm has one.</param>
/// <param name="ComparisonOperator">E.g. <c>GreaterThanThreshold</c>.</param>
/// <param name="StateChangeTime">When the alarm changed state; the chart is drawn around it.</param>
/// <param name="NewState">ALARM, OK or INSUFFICIENT_DATA.</param>
/// <param name="EvaluationPeriods">How many periods the alarm evaluates.</param>
public sealed record MetricChartRequest(
    string AlarmName,
    string Region,
    string? Account,
    IReadOnlyList<MetricQuery> Queries,
    double? Threshold,
    string? ComparisonOperator,
    DateTimeOffset StateChangeTime,
    string NewState,
    int EvaluationPeriods);
