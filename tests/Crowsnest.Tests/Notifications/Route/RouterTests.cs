using Crowsnest.Configuration;
using Crowsnest.Notifications.Recognize;
using Crowsnest.Notifications.Route;
using static Crowsnest.Testing.TestConfigurations;

namespace Crowsnest.Tests.Notifications.Route;

public class RouterTests
{
    private static DeliveryPlan RouteOf(string body, params Crowsnest.Storage.ResourceRecord[] records)
    {
        var notification = Sns(body);
        return Router.Route(notification, EventCatalog.Default.Recognize(notification), Snapshot(records));
    }

    [Fact]
    public void Configurations_naming_the_topic_match_with_their_reason_and_others_do_not()
    {
        var plan = RouteOf(Alarm("cpu", "ALARM", "OK"),
            Slack("ops", "T1", "C1"),
            Console("audit", "audit"),
            Slack("other", "T1", "C2", topic: "arn:aws:sns:us-east-1:123456789012:elsewhere"));
        Assert.Equal(["console:audit", "slack:T1:C1"], plan.Targets.Select(t => t.Target.Key).Order());
        Assert.All(plan.Targets, t => Assert.Contains($"SNS topic {Topic}", Assert.Single(t.Reasons), StringComparison.Ordinal));
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void Disabled_configurations_and_filters_that_reject_are_skipped_with_why()
    {
        var plan = RouteOf(Alarm("cpu", "ALARM", "OK"),
            Slack("off", "T1", "C1", state: "DISABLED"),
            Slack("guardduty-only", "T1", "C2", filter: new EventFilterDocument { EventTypes = ["guardduty.*"] }),
            Slack("this-account", "T1", "C3", filter: new EventFilterDocument { Accounts = [Account], EventTypes = ["cloudwatch.*"] }));
        Assert.Equal("slack:T1:C3", Assert.Single(plan.Targets).Target.Key);
        Assert.Equal(2, plan.Skipped.Count);
        Assert.Contains(plan.Skipped, s => s.ConfigurationArn.EndsWith("/off", StringComparison.Ordinal) && s.Reason.Contains("disabled", StringComparison.Ordinal));
        Assert.Contains(plan.Skipped, s => s.ConfigurationArn.EndsWith("/guardduty-only", StringComparison.Ordinal) && s.Reason.Contains("event type", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_configurations_on_one_channel_give_one_target_with_every_reason()
    {
        var plan = RouteOf(Custom("deploy done"), Slack("a", "T1", "C1"), Slack("b", "T1", "C1"));
        var target = Assert.Single(plan.Targets);
        Assert.Equal(2, target.Reasons.Count);
        Assert.EndsWith("/a", target.Configuration.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public void Unrecognised_events_follow_each_configurations_policy()
    {
        var plan = RouteOf("{\"truncated\": ",
            Console("keep", "keep", unrecognized: UnrecognizedEventPolicies.Hold),
            Console("show", "show"));
        Assert.Equal("console:show", Assert.Single(plan.Targets).Target.Key);
        Assert.Contains("generic", Assert.Single(plan.Targets[0].Reasons), StringComparison.Ordinal);
        Assert.EndsWith("/keep", Assert.Single(plan.Held).ConfigurationArn, StringComparison.Ordinal);
    }

    [Fact]
    public void Notifications_from_an_intake_source_match_configurations_naming_it()
    {
        var snapshot = Snapshot(Console("events", "events", topic: null) with
        {
            Document = ConfigurationJson.Write(ConfigurationJson.Read<ChannelConfigurationDocument>(Console("events", "events", topic: null).Document)! with { Sources = ["events"] }),
        });
        var notification = Sns(Custom("from eventbridge"), topic: null) with { SourceKey = "events", Source = Crowsnest.Notifications.NotificationSource.EventBridge };
        var plan = Router.Route(notification, EventCatalog.Default.Recognize(notification), snapshot);
        Assert.Contains("source events", Assert.Single(Assert.Single(plan.Targets).Reasons), StringComparison.Ordinal);
        Assert.Empty(Router.Route(notification with { SourceKey = "webhooks/other" }, EventCatalog.Default.Recognize(notification), snapshot).Targets);
    }
}
