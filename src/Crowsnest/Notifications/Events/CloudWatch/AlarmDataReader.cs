using System.Text.Json;
using Crowsnest.Notifications.Charts;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.CloudWatch;

/// <summary>
/// Reads the camel-case alarm body shared by the EventBridge "CloudWatch Alarm State Change" <c>detail</c> and the
/// Lambda alarm-action <c>alarmData</c>.
/// </summary>
internal static class AlarmDataReader
{
    public static AlarmSnapshot Read(JsonElement data, string shape, string? arn, string? account, string? region)
    {
        var state = data.Prop("state"u8);
        var previous = data.Prop("previousState"u8);
        var configuration = data.Prop("configuration"u8);
        var alarmRule = configuration.Str("alarmRule"u8);

        // reasonData is JSON in a string; parse it only for a composite alarm's children, scan it for a threshold.
        var reasonData = alarmRule is null ? default : state.Embedded("reasonData"u8);
        var (queries, labels) = ReadMetrics(configuration);
        var name = data.Str("alarmName"u8) ?? Support.Arn.Parse(arn)?.ResourceName.Replace("alarm:", "", StringComparison.Ordinal) ?? "(unnamed alarm)";
        return new AlarmSnapshot
        {
            Name = name,
            Arn = arn,
            Description = configuration.Str("description"u8) ?? configuration.Str("alarmDescription"u8),
            Account = account,
            Region = region,
            NewState = state.Str("value"u8) ?? "UNKNOWN",
            OldState = previous.Str("value"u8),
            Reason = state.Str("reason"u8),
            StateTimeText = state.Str("timestamp"u8),
            Shape = shape,
            AlarmRule = alarmRule,
            TriggeringChildren = alarmRule is null ? [] : Children(reasonData),
            Queries = queries,
            QueryLabels = labels,
            Threshold = configuration.Num("threshold"u8) ?? JsonScan.Number(state.Str("reasonData"u8), "\"threshold\":"),
            ComparisonOperator = configuration.Str("comparisonOperator"u8),
            EvaluationPeriods = (int)(configuration.Num("evaluationPeriods"u8) ?? 1),
            DatapointsToAlarm = (int?)configuration.Num("datapointsToAlarm"u8),
            TreatMissingData = configuration.Str("treatMissingData"u8),
            ActionsSuppressedBy = state.Str("actionsSuppressedBy"u8),
            ActionsSuppressedReason = state.Str("actionsSuppressedReason"u8),
            ActionsSuppressor = configuration.Str("actionsSuppressor"u8),
        };
    }

    /// <summary>The triggering child alarms of a composite alarm, from <c>reasonData.triggeringAlarms</c>.</summary>
    public static IReadOnlyList<TriggeringChild> Children(JsonElement reasonData)
    {
        var children = new List<TriggeringChild>();
        foreach (var child in reasonData.Items("triggeringAlarms"u8))
        {
            var arn = child.Str("arn"u8);
            var name = Support.Arn.Parse(arn) is { } parsed ? AlarmNameFromArn(parsed) : arn ?? "(unknown)";
            children.Add(new TriggeringChild(name, arn, child.Path("state"u8, "value"u8).Text(), child.Path("state"u8, "timestamp"u8).Text()));
        }

        return children;
    }

    public static string AlarmNameFromArn(Arn arn) =>
        arn.Resource.StartsWith("alarm:", StringComparison.Ordinal) ? arn.Resource["alarm:".Length..] : arn.ResourceName;

    private static (IReadOnlyList<MetricQuery> Queries, IReadOnlyList<string> Labels) ReadMetrics(JsonElement configuration)
    {
        var queries = new List<MetricQuery>();
        var labels = new List<string>();
        foreach (var metric in configuration.Items("metrics"u8))
        {
            var stat = metric.Prop("metricStat"u8);
            var inner = stat.Prop("metric"u8);
            var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (dimension, value) in inner.Prop("dimensions"u8).Scalars())
            {
                dimensions[dimension] = value;
            }

            var period = Durations.Seconds(stat.Num("period"u8) ?? metric.Num("period"u8), TimeSpan.FromSeconds(60));
            queries.Add(new MetricQuery(
                inner.Str("namespace"u8),
                inner.Str("name"u8, "metricName"u8),
                dimensions,
                stat.Str("stat"u8),
                period,
                metric.Str("id"u8),
                metric.Str("expression"u8),
                metric.Bool("returnData"u8) ?? true));
            labels.Add(metric.Str("label"u8) ?? string.Empty);
        }

        return (queries, labels);
    }
}
