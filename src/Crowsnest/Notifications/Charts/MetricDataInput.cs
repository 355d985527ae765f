using System.Text.Json.Nodes;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Notifications.Charts;

/// <summary>The <c>GetMetricData</c> input for an alarm's queries, in model member names.</summary>
internal static class MetricDataInput
{
    public static JsonObject Build(IReadOnlyList<MetricQuery> queries, IReadOnlyList<string> ids, ChartWindow window)
    {
        // Plain metrics all return data (the chart draws each); with metric math the alarm's own ReturnData flags
        // stay, as its metrics only feed the expression.
        var anyMath = queries.Any(q => q.Expression is not null);
        var list = new JsonArray();
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var item = new JsonObject { ["Id"] = ids[i], ["ReturnData"] = anyMath ? q.ReturnData : true };
            if (q.Expression is not null)
            {
                item["Expression"] = q.Expression;
                item["Label"] = q.Expression;
                if (q.Period > TimeSpan.Zero)
                {
                    item["Period"] = (int)q.Period.TotalSeconds;
                }
            }
            else
            {
                var dimensions = new JsonArray();
                foreach (var (name, value) in q.Dimensions)
                {
                    dimensions.Add(new JsonObject { ["Name"] = name, ["Value"] = value });
                }
                item["MetricStat"] = new JsonObject
                {
                    ["Metric"] = new JsonObject { ["Namespace"] = q.Namespace, ["MetricName"] = q.MetricName, ["Dimensions"] = dimensions },
                    ["Period"] = q.Period > TimeSpan.Zero ? (int)q.Period.TotalSeconds : 300,
                    ["Stat"] = q.Statistic ?? "Average",
                };
            }
            list.Add(item);
        }
        return new JsonObject
        {
            ["MetricDataQueries"] = list,
            ["StartTime"] = Timestamps.Iso8601(window.Start),
            ["EndTime"] = Timestamps.Iso8601(window.End),
            ["ScanBy"] = "TimestampAscending",
        };
    }

    /// <summary>Legend text: <c>CPUUtilization (Average)</c>, or the expression.</summary>
    public static string Label(MetricQuery query) =>
        query.Expression ?? $"{query.MetricName} ({query.Statistic ?? "Average"})";
}
