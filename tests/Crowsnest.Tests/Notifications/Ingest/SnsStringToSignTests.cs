using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Ingest.Sns;

namespace Crowsnest.Tests.Notifications.Ingest;

public sealed class SnsStringToSignTests
{
    [Fact]
    public void Notification_with_subject_signs_six_fields_in_byte_order()
    {
        var text = SnsStringToSign.Build(Envelope("Notification") with { Subject = "Hi" }).Text;

        Assert.Equal("Message\nm\nMessageId\nid\nSubject\nHi\nTimestamp\n2012-05-02T00:54:06.655Z\nTopicArn\narn:t\nType\nNotification\n", text);
    }

    [Fact]
    public void Notification_without_subject_leaves_subject_out_but_an_empty_subject_is_signed()
    {
        Assert.Equal("Message\nm\nMessageId\nid\nTimestamp\n2012-05-02T00:54:06.655Z\nTopicArn\narn:t\nType\nNotification\n", SnsStringToSign.Build(Envelope("Notification")).Text);
        Assert.Contains("Subject\n\n", SnsStringToSign.Build(Envelope("Notification") with { Subject = "" }).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SubscriptionConfirmation")]
    [InlineData("UnsubscribeConfirmation")]
    public void Confirmations_sign_subscribe_url_and_token(string type)
    {
        var text = SnsStringToSign.Build(Envelope(type) with { SubscribeUrl = "https://s/", Token = "tok", Subject = "ignored" }).Text;

        Assert.Equal($"Message\nm\nMessageId\nid\nSubscribeURL\nhttps://s/\nTimestamp\n2012-05-02T00:54:06.655Z\nToken\ntok\nTopicArn\narn:t\nType\n{type}\n", text);
    }

    [Fact]
    public void Unknown_type_and_missing_fields_are_explained()
    {
        Assert.Contains("unknown message Type", SnsStringToSign.Build(Envelope("notification")).Error, StringComparison.Ordinal);
        Assert.Contains("missing", SnsStringToSign.Build(Envelope("SubscriptionConfirmation")).Error, StringComparison.Ordinal);
        Assert.Contains("missing", SnsStringToSign.Build(Envelope("Notification") with { TopicArn = null }).Error, StringComparison.Ordinal);
    }

    private static SnsEnvelope Envelope(string type) => new()
    {
        Type = type,
        Message = "m",
        MessageId = "id",
        Timestamp = "2012-05-02T00:54:06.655Z",
        TopicArn = "arn:t",
    };
}
