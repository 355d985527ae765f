using System.Text.Json.Nodes;
using Crowsnest.Messages;

namespace Crowsnest.Tests.Notifications.Events.CloudWatch;

public sealed class CloudWatchAlarmTests
{
    private const string SingleMetric = "eventbridge/cloudwatch/alarm-state-change-single-metric.json";

    [Fact]
    public void Composite_alarm_shows_its_triggering_children_with_links()
    {
        var (awsEvent, message) = EventAssert.Corpus("eventbridge/cloudwatch/alarm-state-change-composite-with-suppressor.json", "cloudwatch.alarm");

        var children = EventAssert.Section(message, "Triggering alarms").Text;
        Assert.Contains("[ServerCpuTooHigh](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh)", children, StringComparison.Ordinal);
        Assert.Contains("**ALARM**", children, StringComparison.Ordinal);
        Assert.Contains("ALARM(ServerCpuTooHigh)", EventAssert.Field(message, "Rule").Value, StringComparison.Ordinal);
        Assert.Contains("WaitPeriod", EventAssert.Field(message, "Actions suppressed by").Value, StringComparison.Ordinal);
        Assert.Null(awsEvent.Chart);
    }

    [Fact]
    public void Composite_alarm_action_with_spaces_in_timestamps_still_reads_the_time_and_children()
    {
        var (awsEvent, message) = EventAssert.Corpus("cloudwatch-alarm/lambda-alarm-action-composite-with-spaces-in-timestamps.json", "cloudwatch.alarm");

        Assert.Equal(new DateTimeOffset(2023, 8, 4, 12, 56, 46, 138, TimeSpan.Zero), awsEvent.Time);
        Assert.Equal("2023-08-04 12:56:46 UTC", EventAssert.Field(message, "Changed").Value);
        Assert.Contains("CompositeDemo.FirstChild", EventAssert.Section(message, "Triggering alarms").Text, StringComparison.Ordinal);
        Assert.Equal("111122223333", awsEvent.Account);
    }

    [Fact]
    public void Metric_alarm_fills_a_chart_request()
    {
        var (awsEvent, message) = EventAssert.Corpus(SingleMetric, "cloudwatch.alarm");

        var chart = awsEvent.Chart!;
        Assert.Equal("ServerCpuTooHigh", chart.AlarmName);
        Assert.Equal("us-east-1", chart.Region);
        Assert.Equal("ALARM", chart.NewState);
        var query = Assert.Single(chart.Queries);
        Assert.Equal("AWS/EC2", query.Namespace);
        Assert.Equal("CPUUtilization", query.MetricName);
        Assert.Equal("i-12345678901234567", query.Dimensions["InstanceId"]);
        Assert.Equal(50, chart.Threshold);
        Assert.Equal(Severity.High, message.Severity);
    }

    [Fact]
    public void Classic_metric_math_alarm_fills_every_query_of_the_chart_request()
    {
        var (awsEvent, message) = EventAssert.Corpus("cloudwatch-alarm/sns-message-single-metric-lambda-concurrent-executions.json", "cloudwatch.alarm");

        var query = Assert.Single(awsEvent.Chart!.Queries);
        Assert.Equal("Sum", query.Statistic);
        Assert.Equal(TimeSpan.FromMinutes(1), query.Period);
        Assert.Equal("ca-central-1", awsEvent.Region);
        Assert.Equal("> 5", EventAssert.Field(message, "Threshold").Value);

        var (math, mathMessage) = EventAssert.Corpus("eventbridge/cloudwatch/alarm-state-change-metric-math.json", "cloudwatch.alarm");
        Assert.Equal(["e1", "m1", "m2"], math.Chart!.Queries.Select(q => q.Id));
        Assert.Equal("SUM(METRICS())", math.Chart.Queries[0].Expression);
        Assert.True(math.Chart.Queries[0].ReturnData);
        Assert.False(math.Chart.Queries[1].ReturnData);
        Assert.Contains("SUM(METRICS())", EventAssert.Section(mathMessage, "Metric math").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Anomaly_detection_alarm_is_marked_as_such()
    {
        var (_, message) = EventAssert.Corpus("eventbridge/cloudwatch/alarm-state-change-anomaly-detection.json", "cloudwatch.alarm");

        Assert.Contains("ANOMALY_DETECTION_BAND", EventAssert.Section(message, "Anomaly detection").Text, StringComparison.Ordinal);
        Assert.Contains("anomaly-detection", message.Keywords);
    }

    [Fact]
    public void Later_OK_state_shares_thread_and_update_key_with_the_ALARM_it_resolves()
    {
        var alarmBody = File.ReadAllText(Path.Combine(CorpusFiles.Root, SingleMetric));
        var ok = JsonNode.Parse(alarmBody)!;
        ok["detail"]!["previousState"] = ok["detail"]!["state"]!.DeepClone();
        ok["detail"]!["state"]!["value"] = "OK";
        ok["detail"]!["state"]!["timestamp"] = "2019-10-02T17:30:00.000+0000";

        var (_, alarm) = EventAssert.Body(alarmBody, "cloudwatch.alarm");
        var (okEvent, resolved) = EventAssert.Body(ok.ToJsonString(), "cloudwatch.alarm");

        Assert.Equal(Severity.High, alarm.Severity);
        Assert.Equal(Severity.Success, resolved.Severity);
        Assert.Equal("OK: ServerCpuTooHigh", resolved.Title);
        Assert.Equal("ALARM → OK", EventAssert.Field(resolved, "State").Value);
        Assert.Equal(alarm.ThreadKey, resolved.ThreadKey);
        Assert.Equal(alarm.UpdateKey, resolved.UpdateKey);
        Assert.Equal("cloudwatch.alarm/123456789012/us-east-1/ServerCpuTooHigh", alarm.ThreadKey);
        Assert.Equal("OK", okEvent.Chart!.NewState);
    }

    [Fact]
    public void Same_alarm_name_in_another_region_threads_separately()
    {
        var body = File.ReadAllText(Path.Combine(CorpusFiles.Root, SingleMetric));
        var (_, east) = EventAssert.Body(body, "cloudwatch.alarm");
        var (_, west) = EventAssert.Body(body.Replace("\"region\": \"us-east-1\"", "\"region\": \"us-west-2\"", StringComparison.Ordinal), "cloudwatch.alarm");

        Assert.NotEqual(east.ThreadKey, west.ThreadKey);
    }

    [Fact]
    public void Classic_alarm_with_a_region_display_name_and_no_arn_still_renders()
    {
        var (awsEvent, message) = EventAssert.Corpus("cloudwatch-alarm/minimal-alarm-message-notify-slack.json", "cloudwatch.alarm");

        Assert.Equal("eu-west-1", awsEvent.Region);
        Assert.Equal("ALARM: Example", message.Title);
        Assert.Contains(message.Links, l => l.Url.Contains("#alarmsV2:alarm/Example", StringComparison.Ordinal));
    }
}
