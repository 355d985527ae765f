using System.Globalization;
using System.Text;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.CloudWatch;

/// <summary>The metric, metric-math and composite parts of an alarm message.</summary>
internal static class AlarmDetails
{
    private const int MaxChildrenShown = 10;

    public static void AddMetric(MessageBuilder builder, AlarmSnapshot alarm)
    {
        if (alarm.Queries.Count == 1 && alarm.Queries[0].Expression is null)
        {
            var query = alarm.Queries[0];
            builder.Code("Metric", $"{query.Namespace} {query.MetricName}".Trim())
                .Field("Dimensions", Dimensions(query.Dimensions), isShort: false)
                .Field("Statistic", Statistic(query.Statistic, query.Period));
        }
        else if (alarm.Queries.Count > 0)
        {
            var lines = new List<string>();
            for (var i = 0; i < alarm.Queries.Count; i++)
            {
                var query = alarm.Queries[i];
                var label = i < alarm.QueryLabels.Count && alarm.QueryLabels[i].Length > 0 ? $" ({alarm.QueryLabels[i]})" : string.Empty;
                var what = query.Expression is not null
                    ? Md.Code(query.Expression)
                    : $"{Md.Code($"{query.Namespace} {query.MetricName}")} {Dimensions(query.Dimensions)} {Statistic(query.Statistic, query.Period)}".TrimEnd();
                lines.Add($"{Md.Code(query.Id ?? $"q{i}")}{label}: {what}{(query.ReturnData ? " ← evaluated" : string.Empty)}");
            }

            builder.Section(alarm.IsAnomalyDetection ? "Anomaly detection" : "Metric math", Md.Bullets(lines));
        }

        builder.Field("Threshold", Threshold(alarm))
            .Field("Evaluation", Evaluation(alarm))
            .Field("Missing data", alarm.TreatMissingData);
    }

    public static void AddComposite(MessageBuilder builder, AlarmSnapshot alarm, string? region)
    {
        builder.Field("Rule", Md.Code(alarm.AlarmRule), isShort: false)
            .Field("Actions suppressed by", alarm.ActionsSuppressedBy is null ? null : $"{alarm.ActionsSuppressedBy} ({alarm.ActionsSuppressor})".Replace(" ()", string.Empty, StringComparison.Ordinal))
            .Field("Suppressor alarm", alarm.ActionsSuppressedBy is null ? alarm.ActionsSuppressor : null);
        if (alarm.TriggeringChildren.Count == 0)
        {
            return;
        }

        var lines = alarm.TriggeringChildren.Take(MaxChildrenShown).Select(child =>
        {
            var link = Md.Link(child.Name, CloudWatchAlarm.AlarmLink(Regions.Normalize(Arn.Parse(child.Arn)?.Region) ?? region, child.Name));
            var since = Timestamps.Display(child.TimeText);
            return $"{link}: {Md.Bold(child.State ?? "?")}{(since is null ? string.Empty : $" since {since}")}";
        }).ToList();
        if (alarm.TriggeringChildren.Count > MaxChildrenShown)
        {
            lines.Add($"… and {alarm.TriggeringChildren.Count - MaxChildrenShown} more");
        }

        builder.Section("Triggering alarms", Md.Bullets(lines));
    }

    private static string? Dimensions(IReadOnlyDictionary<string, string> dimensions) =>
        dimensions.Count == 0 ? null : string.Join(", ", dimensions.Select(d => $"{d.Key}={d.Value}"));

    private static string? Statistic(string? statistic, TimeSpan period) =>
        statistic is null ? null : $"{statistic} over {FormatPeriod(period)}";

    private static string FormatPeriod(TimeSpan period) =>
        period.TotalSeconds < 60 ? $"{period.TotalSeconds:0} s" : period.TotalMinutes < 60 ? $"{period.TotalMinutes:0} min" : $"{period.TotalHours:0.#} h";

    private static string? Threshold(AlarmSnapshot alarm)
    {
        if (alarm.Threshold is not { } threshold)
        {
            return null;
        }

        var value = threshold.ToString("0.####", CultureInfo.InvariantCulture);
        var symbol = alarm.ComparisonOperator switch
        {
            "GreaterThanThreshold" => ">",
            "GreaterThanOrEqualToThreshold" => "≥",
            "LessThanThreshold" => "<",
            "LessThanOrEqualToThreshold" => "≤",
            _ => null,
        };
        return symbol is null ? value : $"{symbol} {value}";
    }

    private static string? Evaluation(AlarmSnapshot alarm)
    {
        if (alarm.IsComposite)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods).Append(" of ").Append(alarm.EvaluationPeriods).Append(" periods");
        return text.ToString();
    }
}
