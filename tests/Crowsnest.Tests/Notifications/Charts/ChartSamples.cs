using Crowsnest.Notifications.Charts;

namespace Crowsnest.Tests.Notifications.Charts;

/// <summary>A synthetic CPU alarm and its datapoints.</summary>
internal static class ChartSamples
{
    public static readonly DateTimeOffset StateChange = new(2026, 11, 27, 23, 41, 0, TimeSpan.Zero);

    public static MetricChartRequest Request(IReadOnlyList<MetricQuery>? queries = null) => new(
        "HighCPU-prod-web",
        "us-east-1",
        "123456789012",
        queries ?? [new MetricQuery("AWS/EC2", "CPUUtilization", new Dictionary<string, string> { ["InstanceId"] = "i-0abc" }, "Average", TimeSpan.FromMinutes(5))],
        80,
        "GreaterThanThreshold",
        StateChange,
        "ALARM",
        3);

    /// <summary>Three hours of 5-minute points that climb over 80 for the last three before the change.</summary>
    public static MetricSeries Series()
    {
        var points = new List<MetricPoint>();
        for (var i = 36; i >= -2; i--)
        {
            var value = i <= 2 ? 85 + (3 - i) * 2.5 : 40 + 10 * Math.Sin(i / 3.0);
            points.Add(new MetricPoint(StateChange - TimeSpan.FromMinutes(5 * i), value));
        }
        return new MetricSeries("CPUUtilization (Average)", points);
    }
}
