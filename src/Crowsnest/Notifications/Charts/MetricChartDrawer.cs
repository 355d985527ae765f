using System.Globalization;
using ScottPlot;

namespace Crowsnest.Notifications.Charts;

/// <summary>
/// Draws an alarm chart as PNG with ScottPlot: each series as a line, the threshold as a dashed red line, the
/// breaching datapoints of the evaluated series as red dots, the state change as a dotted vertical line.
/// </summary>
public sealed class MetricChartDrawer
{
    private static readonly Func<DateTime, string> ShortTick = d => d.ToString("HH:mm", CultureInfo.InvariantCulture);
    private static readonly Func<DateTime, string> LongTick = d => d.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 360;

    /// <summary>Draws the chart; throws only on a bug (the caller reports it as a missing chart).</summary>
    public byte[] Draw(MetricChartRequest request, IReadOnlyList<MetricSeries> series, ChartWindow window)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var breachX = new List<double>();
        var breachY = new List<double>();
        var threshold = ThresholdComparison.IsStatic(request.ComparisonOperator) ? request.Threshold : null;
        foreach (var s in series)
        {
            if (s.Points.Count == 0)
                continue;
            var xs = new double[s.Points.Count];
            var ys = new double[s.Points.Count];
            for (var i = 0; i < xs.Length; i++)
            {
                xs[i] = s.Points[i].Time.UtcDateTime.ToOADate();
                ys[i] = s.Points[i].Value;
                if (s.Evaluated && threshold is { } t && ThresholdComparison.Breaches(request.ComparisonOperator, ys[i], t))
                {
                    breachX.Add(xs[i]);
                    breachY.Add(ys[i]);
                }
            }
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = s.Label;
            line.MarkerSize = 3;
        }
        if (request.Threshold is { } th)
        {
            var limit = plot.Add.HorizontalLine(th);
            limit.LinePattern = LinePattern.Dashed;
            limit.Color = Colors.Red;
            limit.LegendText = $"Threshold {th:G6}";
        }
        if (breachX.Count > 0)
        {
            var dots = plot.Add.ScatterPoints(breachX.ToArray(), breachY.ToArray());
            dots.Color = Colors.Red;
            dots.MarkerSize = 9;
            dots.LegendText = "Breaching";
        }
        var change = plot.Add.VerticalLine(request.StateChangeTime.UtcDateTime.ToOADate());
        change.LinePattern = LinePattern.Dotted;
        change.Color = Colors.Gray;
        change.LegendText = $"→ {request.NewState}";
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = window.End - window.Start > TimeSpan.FromHours(12) ? LongTick : ShortTick;
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(window.Start.UtcDateTime.ToOADate(), window.End.UtcDateTime.ToOADate());
        plot.Title($"{request.AlarmName} ({request.NewState})");
        plot.XLabel("UTC");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
