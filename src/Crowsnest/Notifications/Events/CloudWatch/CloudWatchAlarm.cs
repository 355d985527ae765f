using System.Diagnostics.CodeAnalysis;
using Crowsnest.Messages;
using Crowsnest.Notifications.Charts;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.CloudWatch;

/// <summary>
/// CloudWatch metric and composite alarm state changes in every shape: the classic SNS alarm JSON, EventBridge
/// "CloudWatch Alarm State Change", the Lambda alarm-action <c>alarmData</c> form, and an EventBridge envelope
/// carrying <c>alarmData</c>. Fills a <see cref="MetricChartRequest"/> for metric alarms.
/// </summary>
internal sealed class CloudWatchAlarm : IEventType
{
    private const string StateChange = "CloudWatch Alarm State Change";

    public string Name => "cloudwatch.alarm";

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        awsEvent = null;
        if (!payload.IsJsonObject)
        {
            return false;
        }

        var root = payload.Root;
        AlarmSnapshot alarm;
        if (payload.Is("aws.cloudwatch", StateChange) && payload.HasDetail)
        {
            alarm = AlarmDataReader.Read(payload.Detail, "eventbridge", payload.ResourcesValue.StringList().FirstOrDefault(), payload.AccountValue.Text(), payload.RegionValue.Text());
        }
        else if (payload.IsFrom("aws.cloudwatch") && root.Prop("alarmData"u8).IsObject())
        {
            var shape = payload.DetailType is null ? "alarm-action" : "hybrid";
            var arn = root.Str("alarmArn"u8) ?? root.Strings("resources"u8).FirstOrDefault();
            alarm = AlarmDataReader.Read(root.Prop("alarmData"u8), shape, arn, root.Str("accountId"u8, "account"u8), root.Str("region"u8));
        }
        else if (payload.Source is null && ClassicAlarmReader.Matches(root))
        {
            alarm = ClassicAlarmReader.Read(root);
        }
        else
        {
            return false;
        }

        var resources = alarm.Arn is null ? Array.Empty<string>() : [alarm.Arn];
        awsEvent = EventFactory.Create(payload, Name, SeverityOf(alarm.NewState), "aws.cloudwatch", StateChange,
            alarm.Account, alarm.Region, alarm.StateTimeText ?? payload.TimeValue.Text(), resources, alarm, ChartRequest(alarm, payload));
        return true;
    }

    public ChatMessage Render(AwsEvent awsEvent)
    {
        var alarm = (AlarmSnapshot)awsEvent.State!;
        var region = Regions.Normalize(alarm.Region);
        var key = ThreadKey(alarm, region);
        var builder = new MessageBuilder(awsEvent, $"{alarm.NewState}: {alarm.Name}")
            .Summary(alarm.Reason ?? alarm.Description)
            .Field("State", alarm.OldState is null ? alarm.NewState : $"{alarm.OldState} → {alarm.NewState}")
            .Field("Account", awsEvent.Account)
            .Field("Region", alarm.Region)
            .Time("Changed", alarm.StateTimeText)
            .Thread(key)
            .Update(key)
            .Keywords("cloudwatch", "alarm", alarm.NewState, alarm.IsComposite ? "composite" : null, alarm.IsAnomalyDetection ? "anomaly-detection" : null);

        AlarmDetails.AddMetric(builder, alarm);
        if (alarm.IsComposite)
        {
            AlarmDetails.AddComposite(builder, alarm, region);
        }

        builder.Section("Description", alarm.Description)
            .Section("Reason", alarm.Reason is { Length: > 300 } || alarm.Reason?.Contains('\n', StringComparison.Ordinal) == true ? alarm.Reason : null)
            .Link("Alarm in CloudWatch", AlarmLink(region, alarm.Name));
        return builder.Build();
    }

    /// <summary>One alarm in one account and region: every state of it threads and updates together.</summary>
    internal static string ThreadKey(AlarmSnapshot alarm, string? region) =>
        $"cloudwatch.alarm/{alarm.Account}/{region ?? alarm.Region}/{alarm.Name}";

    internal static string? AlarmLink(string? region, string name) =>
        ConsoleLinks.Service(region, "cloudwatch/home", "#alarmsV2:alarm/" + ConsoleLinks.Escape(name));

    private static Severity SeverityOf(string state) => state switch
    {
        "ALARM" => Severity.High,
        "OK" => Severity.Success,
        "INSUFFICIENT_DATA" => Severity.Low,
        _ => Severity.Info,
    };

    private static MetricChartRequest? ChartRequest(AlarmSnapshot alarm, ParsedPayload payload)
    {
        var region = Regions.Normalize(alarm.Region);
        if (alarm.IsComposite || alarm.Queries.Count == 0 || region is null)
        {
            return null;
        }

        var at = Timestamps.Parse(alarm.StateTimeText) ?? payload.Notification.Timestamp ?? payload.Notification.ReceivedAt;
        return new MetricChartRequest(alarm.Name, region, alarm.Account, alarm.Queries, alarm.Threshold,
            alarm.ComparisonOperator, at, alarm.NewState, Math.Max(1, alarm.EvaluationPeriods));
    }
}
