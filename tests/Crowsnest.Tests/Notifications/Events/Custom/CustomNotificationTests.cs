using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Custom;

namespace Crowsnest.Tests.Notifications.Events.Custom;

public sealed class CustomNotificationTests
{
    [Theory]
    [InlineData("*bold* text", "**bold** text")]
    [InlineData("ASG *OrderProcessorServiceASG*!", "ASG **OrderProcessorServiceASG**!")]
    [InlineData("Refer to <http://www.example.com|*diagnosis* runbook>", "Refer to [**diagnosis** runbook](http://www.example.com)")]
    [InlineData("see <https://example.com/a?b=1>", "see https://example.com/a?b=1")]
    [InlineData("already **neutral** bold", "already **neutral** bold")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("_italic_ and `code` :warning:", "_italic_ and `code` :warning:")]
    [InlineData("a &lt; b &amp;&amp; c &gt; d", "a < b && c > d")]
    public void Slack_markdown_becomes_neutral_markdown(string slack, string neutral) =>
        Assert.Equal(neutral, SlackMarkdown.ToNeutral(slack));

    [Fact]
    public void Full_custom_notification_renders_every_part()
    {
        var (awsEvent, message) = EventAssert.Corpus("custom/chatbot-custom-notification-full-with-metadata.json", "custom");

        Assert.Equal(":warning: Banana Order processing is down!", message.Title);
        Assert.Equal("Order Processing Update", message.Summary);
        Assert.Equal("custom/OrderProcessing-1", message.ThreadKey);
        Assert.Equal(Severity.Critical, message.Severity);
        Assert.Contains("[**diagnosis** runbook](http://www.example.com)", EventAssert.Section(message, "Next steps").Text, StringComparison.Ordinal);
        Assert.Contains("`i-0c8c31affab6078fb`", EventAssert.Section(message, "Related resources").Text, StringComparison.Ordinal);
        Assert.Equal("critical", EventAssert.Field(message, "priority").Value);
        Assert.Equal(["BananaOrderIntake", "Critical", "SRE", "custom"], message.Keywords);
        Assert.Equal("BananaOrderAppEvent", awsEvent.DetailType);
    }

    [Fact]
    public void Minimal_custom_notification_uses_the_description_as_a_plain_title()
    {
        var (_, message) = EventAssert.Corpus("custom/chatbot-custom-notification-minimal-description-only.json", "custom");

        Assert.Equal(":warning: EC2 auto scaling refresh failed for ASG OrderProcessorServiceASG!", message.Title);
        Assert.Contains("**OrderProcessorServiceASG**", message.Sections[0].Text, StringComparison.Ordinal);
        Assert.Null(message.ThreadKey);
    }

    [Theory]
    [InlineData("""{"version":"1.0","source":"custom","content":{"title":"no description"}}""")]
    [InlineData("""{"version":"2.0","source":"custom","content":{"description":"wrong version"}}""")]
    public void Custom_notification_without_its_required_fields_is_not_recognised_as_custom(string body)
    {
        var result = Crowsnest.Notifications.Recognize.EventCatalog.Default.Recognize(CorpusFiles.Notification(body));

        Assert.Equal("sns.text", result.TypeName);
        Assert.Equal(Crowsnest.Notifications.Recognize.RecognitionOutcome.Generic, result.Outcome);
    }
}
