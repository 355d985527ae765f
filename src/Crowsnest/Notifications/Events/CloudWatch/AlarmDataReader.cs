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
        var state = data.Prop("state");
        var previous = data.Prop("previousState");
        var configuration = data.Prop("configuration");
        var alarmRule = configuration.Str("alarmRule");

        // reasonData is JSON in a string; parse it only for a composite alarm's children, scan it for a threshold.
        var reasonData = alarmRule is null ? default : state.Embedded("reasonData");
        var (queries, labels) = ReadMetrics(configuration);
        var name = data.Str("alarmName") ?? Support.Arn.Parse(arn)?.ResourceName.Replace("alarm:", "", StringComparison.Ordinal) ?? "(unnamed alarm)";
        return new AlarmSnapshot
        {
            Name = name,
            Arn = arn,
            Description = configuration.Str("description") ?? configuration.Str("alarmDescription"),
            Account = account,
            Region = region,
            NewState = state.Str("value") ?? "UNKNOWN",
            OldState = previous.Str("value"),
            Reason = state.Str("reason"),
            StateTimeText = state.Str("timestamp"),
            Shape = shape,
            AlarmRule = alarmRule,
            TriggeringChildren = alarmRule is null ? [] : Children(reasonData),
            Queries = queries,
            QueryLabels = labels,
            Threshold = configuration.Num("threshold") ?? JsonScan.Number(state.Str("reasonData"), "\"threshold\":"),
            ComparisonOperator = configuration.Str("comparisonOperator"),
            EvaluationPeriods = (int)(configuration.Num("evaluationPeriods") ?? 1),
            DatapointsToAlarm = (int?)configuration.Num("datapointsToAlarm"),
            TreatMissingData = configuration.Str("treatMissingData"),
            ActionsSuppressedBy = state.Str("actionsSuppressedBy"),
            ActionsSuppressedReason = state.Str("actionsSuppressedReason"),
            ActionsSuppressor = configuration.Str("actionsSuppressor"),
        };
    }

    /// <summary>The triggering child alarms of a composite alarm, from <c>reasonData.triggeringAlarms</c>.</summary>
    public static IReadOnlyList<TriggeringChild> Children(JsonElement reasonData)
    {
        var children = new List<TriggeringChild>();
        foreach (var child in reasonData.Items("triggeringAlarms"))
        {
            var arn = child.Str("arn");
            var name = Support.Arn.Parse(arn) is { } parsed ? AlarmNameFromArn(parsed) : arn ?? "(unknown)";
            children.Add(new TriggeringChild(name, arn, child.Path("state", "value").Text(), child.Path("state", "timestamp").Text()));
        }

        return children;
    }

    public static string AlarmNameFromArn(Arn arn) =>
        arn.Resource.StartsWith("alarm:", StringComparison.Ordinal) ? arn.Resource["alarm:".Length..] : arn.ResourceName;

    private static (IReadOnlyList<MetricQuery> Queries, IReadOnlyList<string> Labels) ReadMetrics(JsonElement configuration)
    {
        var queries = new List<MetricQuery>();
        var labels = new List<string>();
        foreach (var metric in configuration.Items("metrics"))
        {
            var stat = metric.Prop("metricStat");
            var inner = stat.Prop("metric");
            var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (dimension, value) in inner.Prop("dimensions").Scalars())
            {
                dimensions[dimension] = value;
            }

            var period = Durations.Seconds(stat.Num("period") ?? metric.Num("period"), TimeSpan.FromSeconds(60));
            queries.Add(new MetricQuery(
                inner.Str("namespace"),
                inner.Str("name", "metricName"),
                dimensions,
                stat.Str("stat"),
                period,
                metric.Str("id"),
                metric.Str("expression"),
                metric.Bool("returnData") ?? true));
            labels.Add(metric.Str("label") ?? string.Empty);
        }

        return (queries, labels);
    }
}
