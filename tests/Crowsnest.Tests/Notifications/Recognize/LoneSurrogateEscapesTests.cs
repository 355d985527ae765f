using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Tests.Notifications.Recognize;

public sealed class LoneSurrogateEscapesTests
{
    [Theory]
    [InlineData("""{"a":"\ud800"}""", """{"a":"\uFFFD"}""")]
    [InlineData("""{"a":"x\udc00y"}""", """{"a":"x\uFFFDy"}""")]
    [InlineData("""{"a":"\ud800\u0041"}""", """{"a":"\uFFFD\u0041"}""")]
    [InlineData("""{"a":"\ud83d\ude00"}""", """{"a":"\ud83d\ude00"}""")]
    [InlineData("""{"a":"\\ud800"}""", """{"a":"\\ud800"}""")]
    [InlineData("""{"a":"\u00e9"}""", """{"a":"\u00e9"}""")]
    [InlineData("""{"a":"plain"}""", """{"a":"plain"}""")]
    public void Only_unpaired_surrogate_escapes_are_replaced(string json, string expected)
    {
        Assert.Equal(expected, LoneSurrogateEscapes.Repair(json).ToString());
    }

    [Theory]
    [InlineData("""{"a":"\ud800"}""", true)]
    [InlineData("""{"a":"\uDFFF"}""", true)]
    [InlineData("""{"a":"\u0041 then \ud83d\ude00"}""", true)]
    [InlineData("""{"a":"\u00e9 \u0041"}""", false)]
    [InlineData("""{"a":"ud800 \\ \""}""", false)]
    [InlineData("""{"a":"ends in \u""", false)]
    public void The_byte_test_finds_every_text_that_may_hold_a_surrogate_escape(string json, bool expected) =>
        Assert.Equal(expected, LoneSurrogateEscapes.MayBeIn(System.Text.Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"Records":"\ud800"}""")]
    [InlineData("""{"version":"0","id":"1","detail-type":"Step Functions Execution Status Change","source":"aws.states","account":"012345678912","time":"2019-02-26T19:42:21Z","region":"us-east-1","resources":[],"detail":{"name":"x","status":"ABORTED","startDate":1551225014968,"stopDate":"\ud800"}}""")]
    [InlineData("""{"region":"\ud800","consoleLink":"https://console.aws.amazon.com/codesuite/codepipeline/pipelines/p/view?region=us-east-1","approval":"?"}""")]
    public void Payloads_with_a_lone_surrogate_are_recognised_and_rendered_for_every_platform(string json)
    {
        var notification = new Crowsnest.Notifications.Notification
        {
            MessageId = "fuzz",
            Source = Crowsnest.Notifications.NotificationSource.Sns,
            Body = json,
            ReceivedAt = DateTimeOffset.UnixEpoch,
        };

        var result = EventCatalog.Default.Recognize(notification);

        Assert.NotEqual(RecognitionOutcome.Unrecognized, result.Outcome);
        var message = result.Render()!;
        Assert.False(string.IsNullOrEmpty(message.Title));
        foreach (var renderer in Crowsnest.Channels.MessageRenderers.All)
        {
            Assert.False(renderer.Render(message, new Crowsnest.Channels.RenderOptions()).Body.IsEmpty);
        }
    }
}
