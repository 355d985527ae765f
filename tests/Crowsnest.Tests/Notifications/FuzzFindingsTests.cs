using System.Text;
using Crowsnest.Iam;
using Crowsnest.Notifications;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Tests.Notifications;

/// <summary>
/// Inputs found by bench/Crowsnest.Fuzz that threw: a JSON string holding a lone surrogate escape (<c>\ud800</c>) is
/// well-formed JSON, but reading it as a .NET string throws. Each reader must answer with a value instead.
/// </summary>
public sealed class FuzzFindingsTests
{
    [Theory]
    [InlineData("""{"version":"0","id":"\ud800","detail-type":"Glue Job State Change","source":"aws.glue","detail":{}}""")]
    [InlineData("""{"Records":[{"EventSource":"aws:sqs","body":"\ud800"}]}""")]
    [InlineData("""{"Type":"Notification","MessageId":"\ud800","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"x"}""")]
    public void The_payload_reader_refuses_a_lone_surrogate_instead_of_throwing(string json)
    {
        var result = new PayloadReader(TimeProvider.System).Read(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsValid);
        Assert.Contains("not valid Unicode", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"version":"0","detail-type":"\ud800","source":"aws.ec2","detail":{}}""", RecognitionOutcome.Unrecognized)]
    [InlineData("""{"version":"0","id":"1","detail-type":"EBS Volume Notification","source":"aws.ec2","account":"\ud800","region":"us-east-1","time":"2026-01-01T00:00:00Z","resources":[],"detail":{"result":"\ud800","event":"createVolume"}}""", RecognitionOutcome.Specific)]
    [InlineData("""{"version":"0","id":"1","detail-type":"EBS Volume Notification","source":"aws.ec2","account":"\uDBFF","region":"us-east-1","resources":[],"detail":{"result":"ok \ud83d\udd25 \\ud800","event":"createVolume"}}""", RecognitionOutcome.Specific)]
    public void Recognisers_and_renderers_read_a_lone_surrogate_as_missing(string json, RecognitionOutcome expected)
    {
        var notification = new Notification { MessageId = "fuzz", Source = NotificationSource.Sns, Body = json, ReceivedAt = DateTimeOffset.UnixEpoch };

        var result = EventCatalog.Default.Recognize(notification);

        Assert.Equal(expected, result.Outcome == RecognitionOutcome.Specific ? RecognitionOutcome.Specific : RecognitionOutcome.Unrecognized);
        if (result.Outcome == RecognitionOutcome.Specific)
        {
            Assert.False(string.IsNullOrEmpty(result.Render()!.Title));
        }
    }

    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"\ud800"}]}""")]
    [InlineData("""{"Version":"\ud800","Statement":[]}""")]
    public void The_policy_parser_reports_a_lone_surrogate_as_a_problem(string json)
    {
        var result = PolicyParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Message.Contains("not valid Unicode", StringComparison.Ordinal));
    }
}
