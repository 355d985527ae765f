using Crowsnest.Messages;

namespace Crowsnest.Tests.Notifications.Events.Config;

public sealed class ConfigNotificationTests
{
    [Fact]
    public void Compliance_change_on_sns_names_rule_resource_and_both_states()
    {
        var (awsEvent, message) = EventAssert.Corpus("sns-text/config/compliance-change-notification.json", "config.notification");

        Assert.Equal("Config rule cloudtrail-enabled: AWS::::Account 123456789012 is COMPLIANT", message.Title);
        Assert.Equal(Severity.Success, awsEvent.Severity);
        Assert.Equal("NON_COMPLIANT", EventAssert.Field(message, "Was").Value);
        Assert.Equal("us-east-2", awsEvent.Region);
        Assert.Equal("123456789012", awsEvent.Account);
    }

    [Fact]
    public void Item_change_from_eventbridge_and_sns_thread_by_resource()
    {
        var (_, eventBridge) = EventAssert.Corpus("eventbridge/config/configuration-item-change-efs-tags.json", "config.notification");

        Assert.EndsWith("/AWS::EFS::FileSystem/fs-01f0d526165b57f95", eventBridge.ThreadKey, StringComparison.Ordinal);
        Assert.Contains("Configuration.FileSystemTags.0", EventAssert.Section(eventBridge, "Changed properties").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_item_text_reads_the_summary_json_the_timeline_link_and_the_first_paragraph()
    {
        var (awsEvent, message) = EventAssert.Corpus("sns-text/config/oversized-configuration-item-change-email-text.txt", "config.notification");

        Assert.Equal("Oversized Configuration Item Change", awsEvent.DetailType);
        Assert.Equal(("123456789012", "us-west-2"), (awsEvent.Account, awsEvent.Region));
        Assert.Equal("UPDATE", EventAssert.Field(message, "Change").Value);
        Assert.StartsWith("The full configuration item change notification for this resource exceeded", message.Summary, StringComparison.Ordinal);
        var timeline = Assert.Single(message.Links, l => l.Text == "Resource timeline");
        Assert.Equal("https://console.aws.amazon.com/config/home?region=us-west-2#/timeline/AWS::EC2::Instance/resourceId_14b76876-7969-4097-ab8e-a31942b02e80?time=2016-10-06T16:46:16.261Z", timeline.Url);
    }
}
