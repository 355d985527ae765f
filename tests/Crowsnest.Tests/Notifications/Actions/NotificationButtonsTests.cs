using Crowsnest.Commands.Chat;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Actions;
using Crowsnest.Storage;
using static Crowsnest.Testing.TestConfigurations;
using static Crowsnest.Tests.Notifications.Actions.ActionEvents;

namespace Crowsnest.Tests.Notifications.Actions;

public class NotificationButtonsTests
{
    private static readonly CustomActionDocument Describe = Action("describe-fn", "lambda get-function --function-name $fn",
        new CustomActionAttachment { NotificationType = "cloudwatch", ButtonText = "Describe function", Variables = new Dictionary<string, string> { ["fn"] = "$event.Trigger.Dimensions[0].value" } });

    private static ConfigSnapshot SnapshotWith(CustomActionDocument action, string associatedWith)
    {
        var built = ConfigSnapshotBuilder.Build(1,
            [Slack("ops", "T1", "C1"), Slack("ops-2", "T1", "C1", topic: "arn:aws:sns:us-east-1:123456789012:other"), Console("audit", "audit"), Record(action)],
            [new ResourceAssociation(Arn(TargetTypes.SlackChannel, associatedWith), action.CustomActionArn)]);
        return built.Snapshot ?? throw new InvalidOperationException(string.Join("; ", built.Errors));
    }

    private static ChatMessage Base => new() { EventType = "cloudwatch.alarm", Title = "ALARM", Buttons = [new MessageButton("Existing", "x.y")] };

    [Fact]
    public void An_alarm_in_a_slack_channel_gets_show_logs_and_the_channels_custom_actions()
    {
        // The action is associated with another configuration of the same channel: it is the channel's action.
        var snapshot = SnapshotWith(Describe, "ops-2");
        var message = NotificationButtons.Add(Base, Event(LambdaAlarm("orders")), new SlackChannelTarget("T1", "C1", null), snapshot, "m-1");
        Assert.Equal(["Existing", "Show logs", "Show error logs", "Describe function"], message.Buttons.Select(b => b.Label));
        Assert.All(message.Buttons.Skip(1), b => Assert.Equal(ChatActionIds.RunCommand, b.ActionId));
        Assert.Equal("show-logs /aws/lambda/orders --start 2026-11-28T00:57:00Z --end 2026-11-28T01:00:00Z --region us-east-1", message.Buttons[1].Value);
        Assert.Equal("show-logs /aws/lambda/orders --start 2026-11-28T00:57:00Z --end 2026-11-28T01:00:00Z --region us-east-1 --errors", message.Buttons[2].Value);
        Assert.Equal("lambda get-function --function-name orders", message.Buttons[3].Value);
    }

    [Fact]
    public void Targets_whose_presses_cannot_come_back_and_other_channels_get_no_command_buttons()
    {
        var snapshot = SnapshotWith(Describe, "ops");
        var alarm = Event(LambdaAlarm("orders"));
        var message = Base;
        Assert.Same(message, NotificationButtons.Add(message, alarm, new ConsoleInboxTarget("audit"), snapshot, "m-1"));
        var elsewhere = NotificationButtons.Add(Base, alarm, new SlackChannelTarget("T1", "C2", null), snapshot, "m-1");
        Assert.Equal(["Existing", "Show logs", "Show error logs"], elsewhere.Buttons.Select(b => b.Label));
    }

    [Fact]
    public void A_command_too_long_for_a_button_travels_as_a_reference()
    {
        var longAction = Action("long", "lambda get-function --function-name $fn --qualifier " + new string('1', CommandButtons.MaxValueChars),
            new CustomActionAttachment { ButtonText = "Long", Variables = new Dictionary<string, string> { ["fn"] = "$event.AlarmName" } });
        var message = NotificationButtons.Add(Base, Event(LambdaAlarm("orders")), new SlackChannelTarget("T1", "C1", null), SnapshotWith(longAction, "ops"), "m-1");
        var button = Assert.Single(message.Buttons, b => b.Label == "Long");
        Assert.Equal("custom-action long --notification m-1 --attachment 0", button.Value);
        Assert.True(button.Value!.Length <= CommandButtons.MaxValueChars);
    }
}
