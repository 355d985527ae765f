using Crowsnest.Messages;

namespace Crowsnest.Tests.Notifications.Events.Health;

public sealed class HealthEventTests
{
    [Fact]
    public void Issue_lists_affected_entities_with_tags()
    {
        var (awsEvent, message) = EventAssert.Corpus("eventbridge/health/ec2-instance-store-drive-performance-degraded.json", "health.event");

        Assert.Equal(Severity.High, awsEvent.Severity);
        var entities = Assert.Single(message.Sections, s => s.Heading?.StartsWith("Affected entities", StringComparison.Ordinal) == true);
        Assert.Contains("`i-abcd1111`", entities.Text, StringComparison.Ordinal);
        Assert.Contains("stage=prod", entities.Text, StringComparison.Ordinal);
        Assert.StartsWith("health/arn:aws:health:", message.ThreadKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Scheduled_change_is_medium_and_decodes_escaped_newlines()
    {
        var (_, message) = EventAssert.Corpus("eventbridge/health/ec2-persistent-instance-retirement-scheduled.json", "health.event");

        Assert.Equal(Severity.Medium, message.Severity);
        Assert.Contains("scheduled change", message.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n", EventAssert.Section(message, "Description").Text, StringComparison.Ordinal);
        Assert.Equal("2018-11-01 22:00:00 UTC", EventAssert.Field(message, "Start").Value);
    }
}
