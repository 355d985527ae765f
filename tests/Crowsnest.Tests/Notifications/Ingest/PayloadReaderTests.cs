using System.Text;
using Crowsnest.Notifications;
using Crowsnest.Notifications.Ingest;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Notifications.Ingest;

public sealed class PayloadReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly PayloadReader _reader = new(new FakeTimeProvider(Now));

    [Fact]
    public void Http_envelope_becomes_one_sns_notification_with_the_message_as_body()
    {
        var result = CorpusFiles.Read("sns-envelope/http-notification-sigv1.json");

        var item = Assert.Single(result.Items);
        Assert.Equal(PayloadShape.SnsEnvelope, item.Shape);
        Assert.Equal(NotificationSource.Sns, item.Notification.Source);
        Assert.Equal("Hello world!", item.Notification.Body);
        Assert.Equal("My First Message", item.Notification.Subject);
        Assert.Equal("arn:aws:sns:us-west-2:123456789012:MyTopic", item.Notification.TopicArn);
        Assert.Equal(CorpusFiles.ReceivedAt, item.Notification.ReceivedAt);
        Assert.NotNull(item.Envelope);
    }

    [Fact]
    public void Full_http_request_text_is_split_into_headers_and_body()
    {
        var result = CorpusFiles.Read("sns-envelope/http-notification-sigv1-signed-example.http.txt");

        var item = Assert.Single(result.Items);
        Assert.Equal("test message", item.Notification.Body);
        Assert.Equal("Notification", result.HttpHeaders["x-amz-sns-message-type"]);
        Assert.Equal("da41e39f-ea4d-435a-b922-c6aae3915ebe", item.Notification.MessageId);
    }

    [Fact]
    public void Lambda_sns_event_keeps_lambda_casing_and_message_attributes()
    {
        var result = CorpusFiles.Read("sns-envelope/lambda-sns-event-with-message-attributes.json");

        var item = Assert.Single(result.Items);
        Assert.Equal(PayloadShape.LambdaSnsEvent, item.Shape);
        Assert.Equal("https://sns.us-east-2.amazonaws.com/SimpleNotification", item.Envelope!.SigningCertUrl);
        Assert.Equal("TestString", item.Notification.Attributes["Test"]);
        Assert.Equal("Binary", item.Envelope.MessageAttributes["TestBinary"].Type);
    }

    [Fact]
    public void Lambda_event_with_several_records_gives_one_notification_each()
    {
        var result = CorpusFiles.Read("sns-text/backup/backup-job-notifications-4-records-lambda-sns-event.json");

        Assert.Equal(4, result.Items.Count);
        Assert.Equal(["COMPLETED", "FAILED", "EXPIRED", "FAILED"], result.Items.Select(i => i.Notification.Attributes["State"]));
    }

    [Fact]
    public void Sqs_fifo_event_unwraps_the_sns_envelope_in_the_body()
    {
        var result = CorpusFiles.Read("sns-envelope/sqs-event-with-sns-fifo-notification-body.json");

        var item = Assert.Single(result.Items);
        Assert.Equal(PayloadShape.SqsEvent, item.Shape);
        Assert.Equal(NotificationSource.Sqs, item.Notification.Source);
        Assert.Equal("10000000000000004000", item.Envelope!.SequenceNumber);
        Assert.Null(item.Envelope.Signature);
        Assert.Equal("{\"message\": \"hello world\", \"username\": \"lessa\"}", item.Notification.Body);
    }

    [Fact]
    public void Bare_eventbridge_event_with_a_bom_is_read_and_keyed_by_its_id()
    {
        var result = CorpusFiles.Read("eventbridge/batch/job-state-change-runnable-with-retry-strategy.json");

        var item = Assert.Single(result.Items);
        Assert.Equal(PayloadShape.EventBridgeEvent, item.Shape);
        Assert.Equal(NotificationSource.EventBridge, item.Notification.Source);
        Assert.False(string.IsNullOrEmpty(item.Notification.MessageId));
        Assert.NotEqual('\uFEFF', item.Notification.Body[0]);
    }

    [Fact]
    public void Message_given_as_an_object_is_kept_as_its_json_text()
    {
        var result = CorpusFiles.Read("sns-text/config/compliance-change-notification.json");

        var item = Assert.Single(result.Items);
        Assert.True(item.Envelope!.MessageWasJsonValue);
        Assert.StartsWith("{", item.Notification.Body.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("\"configRuleName\"", item.Notification.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_event_records_are_the_message_itself()
    {
        var result = CorpusFiles.Read("sns-text/s3/event-notification-replication-operation-failed.json");

        var item = Assert.Single(result.Items);
        Assert.Equal(PayloadShape.JsonMessage, item.Shape);
        Assert.Contains("aws:s3", item.Notification.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n", "empty")]
    [InlineData("{\"a\": 1,}", "does not parse")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "PEM")]
    public void Unreadable_input_is_a_value_with_a_reason(string content, string reason)
    {
        var result = _reader.Read(content);

        Assert.False(result.IsValid);
        Assert.Empty(result.Items);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_value_with_a_reason()
    {
        var result = _reader.Read([0x7B, 0xFF, 0xFE, 0x7D]);

        Assert.False(result.IsValid);
        Assert.Contains("UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_one_notification_with_a_stable_content_id()
    {
        var first = _reader.Read(Encoding.UTF8.GetBytes("\uFEFFThis is a test message."));
        var second = _reader.Read("This is a test message.");

        var item = Assert.Single(first.Items);
        Assert.Equal(PayloadShape.Text, item.Shape);
        Assert.Equal("This is a test message.", item.Notification.Body);
        Assert.Equal(second.Items[0].Notification.MessageId, item.Notification.MessageId);
        Assert.StartsWith("sha256:", item.Notification.MessageId, StringComparison.Ordinal);
    }
}
