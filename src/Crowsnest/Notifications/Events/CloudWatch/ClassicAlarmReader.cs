using System.Text.Json;
using Crowsnest.Notifications.Charts;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.CloudWatch;

/// <summary>Reads the classic alarm JSON CloudWatch publishes to SNS (<c>AlarmName</c>, <c>NewStateValue</c>, <c>Trigger</c>).</summary>
internal static class ClassicAlarmReader
{
    public static bool Matches(JsonElement root) => root.Has("AlarmName"u8) && root.Has("NewStateValue"u8);

    public static AlarmSnapshot Read(JsonElement root)
    {
        var arn = root.Str("AlarmArn"u8);
        var parsedArn = Support.Arn.Parse(arn);
        var trigger = root.Prop("Trigger"u8);
        var region = Regions.Normalize(parsedArn?.Region) ?? Regions.Normalize(root.Str("Region"u8)) ?? root.Str("Region"u8);
        var (queries, labels) = ReadQueries(trigger);
        var threshold = trigger.Num("Threshold"u8);
        return new AlarmSnapshot
        {
            Name = root.Str("AlarmName"u8) ?? "(unnamed alarm)",
            Arn = arn,
            Description = root.Str("AlarmDescription"u8),
            Account = root.Str("AWSAccountId"u8) ?? parsedArn?.Account,
            Region = region,
            NewState = root.Str("NewStateValue"u8) ?? "UNKNOWN",
            OldState = root.Str("OldStateValue"u8),
            Reason = root.Str("NewStateReason"u8),
            StateTimeText = root.Str("StateChangeTime"u8),
            Shape = "sns",
            AlarmRule = root.Str("AlarmRule"u8),
            TriggeringChildren = Children(root),
            Queries = queries,
            QueryLabels = labels,
            Threshold = threshold,
            ComparisonOperator = trigger.Str("ComparisonOperator"u8),
            EvaluationPeriods = (int)(trigger.Num("EvaluationPeriods"u8) ?? 1),
            DatapointsToAlarm = (int?)trigger.Num("DatapointsToAlarm"u8),
            TreatMissingData = CleanTreatMissing(trigger.Str("TreatMissingData"u8)),
        };
    }

    private static (IReadOnlyList<MetricQuery>, IReadOnlyList<string>) ReadQueries(JsonElement trigger)
    {
        var period = Durations.Seconds(trigger.Num("Period"u8), TimeSpan.FromSeconds(60));
        if (trigger.Str("MetricName"u8) is { } metricName)
        {
            var statistic = trigger.Str("ExtendedStatistic"u8) ?? NormalizeStatistic(trigger.Str("Statistic"u8));
            return ([new MetricQuery(trigger.Str("Namespace"u8), metricName, Dimensions(trigger.Prop("Dimensions"u8)), statistic, period)], [string.Empty]);
        }

        var queries = new List<MetricQuery>();
        var labels = new List<string>();
        foreach (var metric in trigger.Items("Metrics"u8))
        {
            var stat = metric.Prop("MetricStat"u8);
            var inner = stat.Prop("Metric"u8);
            queries.Add(new MetricQuery(
                inner.Str("Namespace"u8),
                inner.Str("MetricName"u8),
                Dimensions(inner.Prop("Dimensions"u8)),
                stat.Str("Stat"u8),
                Durations.Seconds(stat.Num("Period"u8), period),
                metric.Str("Id"u8),
                metric.Str("Expression"u8),
                metric.Bool("ReturnData"u8) ?? true));
            labels.Add(metric.Str("Label"u8) ?? string.Empty);
        }

        return (queries, labels);
    }

    private static IReadOnlyList<TriggeringChild> Children(JsonElement root)
    {
        var children = new List<TriggeringChild>();
        foreach (var child in root.Items("TriggeringChildren"u8))
        {
            var arn = child.Str("Arn"u8);
            var name = Support.Arn.Parse(arn) is { } parsed ? AlarmDataReader.AlarmNameFromArn(parsed) : arn ?? "(unknown)";
            children.Add(new TriggeringChild(name, arn, child.Path("State"u8, "Value"u8).Text(), child.Path("State"u8, "Timestamp"u8).Text()));
        }

        return children;
    }

    private static Dictionary<string, string> Dimensions(JsonElement dimensions)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dimension in dimensions.Items())
        {
            var name = dimension.Str("name"u8, "Name"u8);
            var value = dimension.Str("value"u8, "Value"u8);
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
