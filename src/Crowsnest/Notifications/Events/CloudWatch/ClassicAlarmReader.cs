using System.Text.Json;
using Crowsnest.Notifications.Charts;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.CloudWatch;

/// <summary>Reads the classic alarm JSON CloudWatch publishes to SNS (<c>AlarmName</c>, <c>NewStateValue</c>, <c>Trigger</c>).</summary>
internal static class ClassicAlarmReader
{
    public static bool Matches(JsonElement root) => root.Has("AlarmName") && root.Has("NewStateValue");

    public static AlarmSnapshot Read(JsonElement root)
    {
        var arn = root.Str("AlarmArn");
        var parsedArn = Support.Arn.Parse(arn);
        var trigger = root.Prop("Trigger");
        var region = Regions.Normalize(parsedArn?.Region) ?? Regions.Normalize(root.Str("Region")) ?? root.Str("Region");
        var (queries, labels) = ReadQueries(trigger);
        var threshold = trigger.Num("Threshold");
        return new AlarmSnapshot
        {
            Name = root.Str("AlarmName") ?? "(unnamed alarm)",
            Arn = arn,
            Description = root.Str("AlarmDescription"),
            Account = root.Str("AWSAccountId") ?? parsedArn?.Account,
            Region = region,
            NewState = root.Str("NewStateValue") ?? "UNKNOWN",
            OldState = root.Str("OldStateValue"),
            Reason = root.Str("NewStateReason"),
            StateTimeText = root.Str("StateChangeTime"),
            Shape = "sns",
            AlarmRule = root.Str("AlarmRule"),
            TriggeringChildren = Children(root),
            Queries = queries,
            QueryLabels = labels,
            Threshold = threshold,
            ComparisonOperator = trigger.Str("ComparisonOperator"),
            EvaluationPeriods = (int)(trigger.Num("EvaluationPeriods") ?? 1),
            DatapointsToAlarm = (int?)trigger.Num("DatapointsToAlarm"),
            TreatMissingData = CleanTreatMissing(trigger.Str("TreatMissingData")),
        };
    }

    private static (IReadOnlyList<MetricQuery>, IReadOnlyList<string>) ReadQueries(JsonElement trigger)
    {
        var period = Durations.Seconds(trigger.Num("Period"), TimeSpan.FromSeconds(60));
        if (trigger.Str("MetricName") is { } metricName)
        {
            var statistic = trigger.Str("ExtendedStatistic") ?? NormalizeStatistic(trigger.Str("Statistic"));
            return ([new MetricQuery(trigger.Str("Namespace"), metricName, Dimensions(trigger.Prop("Dimensions")), statistic, period)], [string.Empty]);
        }

        var queries = new List<MetricQuery>();
        var labels = new List<string>();
        foreach (var metric in trigger.Items("Metrics"))
        {
            var stat = metric.Prop("MetricStat");
            var inner = stat.Prop("Metric");
            queries.Add(new MetricQuery(
                inner.Str("Namespace"),
                inner.Str("MetricName"),
                Dimensions(inner.Prop("Dimensions")),
                stat.Str("Stat"),
                Durations.Seconds(stat.Num("Period"), period),
                metric.Str("Id"),
                metric.Str("Expression"),
                metric.Bool("ReturnData") ?? true));
            labels.Add(metric.Str("Label") ?? string.Empty);
        }

        return (queries, labels);
    }

    private static IReadOnlyList<TriggeringChild> Children(JsonElement root)
    {
        var children = new List<TriggeringChild>();
        foreach (var child in root.Items("TriggeringChildren"))
        {
            var arn = child.Str("Arn");
            var name = Support.Arn.Parse(arn) is { } parsed ? AlarmDataReader.AlarmNameFromArn(parsed) : arn ?? "(unknown)";
            children.Add(new TriggeringChild(name, arn, child.Path("State", "Value").Text(), child.Path("State", "Timestamp").Text()));
        }

        return children;
    }

    private static Dictionary<string, string> Dimensions(JsonElement dimensions)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dimension in dimensions.Items())
        {
            var name = dimension.Str("name", "Name");
            var value = dimension.Str("value", "Value");
            if (name is not null && value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>CloudWatch writes <c>AVERAGE</c> or <c>SAMPLE_COUNT</c> here; GetMetricData wants <c>Average</c>, <c>SampleCount</c>.</summary>
    private static string? NormalizeStatistic(string? statistic) => statistic?.ToUpperInvariant() switch
    {
        null => null,
        "AVERAGE" => "Average",
        "SUM" => "Sum",
        "MINIMUM" => "Minimum",
        "MAXIMUM" => "Maximum",
        "SAMPLE_COUNT" or "SAMPLECOUNT" => "SampleCount",
        _ => statistic,
    };

    /// <summary>Older messages say <c>- TreatMissingData:    missing</c>; keep only the value.</summary>
    private static string? CleanTreatMissing(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var colon = value.LastIndexOf(':');
        return (colon >= 0 ? value[(colon + 1)..] : value).Trim();
    }
}
