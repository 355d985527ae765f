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
}
