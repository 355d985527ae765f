using Crowsnest.Notifications;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Tests.Notifications.Events;

/// <summary>Fuzzer findings: numbers far outside TimeSpan's range made alarm and Step Functions renderings overflow.</summary>
public sealed class AbsurdDurationsTests
{
    [Theory]
    [InlineData("""{"AlarmName":"a","NewStateValue":"ALARM","OldStateValue":"OK","NewStateReason":"r","StateChangeTime":"2026-01-01T00:00:00.000+0000","Region":"US East (N. Virginia)","AlarmArn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:a","AWSAccountId":"123456789012","Trigger":{"MetricName":"CPUUtilization","Namespace":"AWS/EC2","Statistic":"AVERAGE","Period":1e300,"EvaluationPeriods":1,"ComparisonOperator":"GreaterThanThreshold","Threshold":1,"Dimensions":[]}}""", "cloudwatch.alarm")]
    [InlineData("""{"version":"0","id":"1","detail-type":"Step Functions Execution Status Change","source":"aws.states","account":"012345678912","time":"2019-02-26T19:42:21Z","region":"us-east-1","resources":[],"detail":{"name":"x","status":"ABORTED","startDate":0,"stopDate":1e300}}""", null)]
    public void Out_of_range_periods_and_durations_render_without_overflow(string json, string? expectedType)
    {
        var notification = new Notification { MessageId = "fuzz", Source = NotificationSource.Sns, Body = json, ReceivedAt = DateTimeOffset.UnixEpoch };

        var result = EventCatalog.Default.Recognize(notification);

        Assert.Equal(RecognitionOutcome.Specific, result.Outcome);
        if (expectedType is not null)
        {
            Assert.StartsWith(expectedType, result.TypeName, StringComparison.Ordinal);
        }
        Assert.False(string.IsNullOrEmpty(result.Render()!.Title));
    }
}
