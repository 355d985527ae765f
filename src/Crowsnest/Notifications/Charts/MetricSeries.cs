namespace Crowsnest.Notifications.Charts;

/// <summary>One datapoint of a metric.</summary>
public readonly record struct MetricPoint(DateTimeOffset Time, double Value);

/// <summary>The datapoints of one metric query, oldest first.</summary>
/// <param name="Label">Legend text, e.g. <c>CPUUtilization (Average)</c>.</param>
/// <param name="Points">The datapoints.</param>
/// <param name="Evaluated">True for the series the alarm compares with its threshold (breaches are marked on it).</param>
public sealed record MetricSeries(string Label, IReadOnlyList<MetricPoint> Points, bool Evaluated = true);

/// <summary>What a <see cref="IMetricDataSource"/> answered: series, or a reason meant for the chat users.</summary>
public sealed record MetricDataResult
{
    public IReadOnlyList<MetricSeries> Series { get; init; } = [];

    /// <summary>Why no data could be fetched (e.g. "access denied to cloudwatch:GetMetricData"), or null.</summary>
    public string? Error { get; init; }

    public static MetricDataResult Ok(IReadOnlyList<MetricSeries> series) => new() { Series = series };

    public static MetricDataResult Failed(string reason) => new() { Error = reason };
}

/// <summary>The time range a chart shows.</summary>
public readonly record struct ChartWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// Eight evaluation windows before the state change (at least 1 hour, at most 24), and a quarter of that after
    /// it, never past <paramref name="now"/> but always at least one period.
    /// </summary>
    public static ChartWindow Around(MetricChartRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = TimeSpan.FromMinutes(5);
        foreach (var q in request.Queries)
        {
            if (q.Period > TimeSpan.Zero)
                period = q.Period;
        }
        var span = period * Math.Max(1, request.EvaluationPeriods) * 8;
        span = span < TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : span > TimeSpan.FromHours(24) ? TimeSpan.FromHours(24) : span;
        var change = request.StateChangeTime;
        var end = change + span / 4 < now ? change + span / 4 : now;
        return new ChartWindow(change - span, end < change + period ? change + period : end);
    }
}
