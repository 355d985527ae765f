using Crowsnest.Commands.Chat.Shortcuts.ShowLogs;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Actions;

/// <summary>
/// Adds the command buttons to a notification delivered to one chat channel: the built-in "Show logs" and "Show
/// error logs" on alarms whose log group is known (<see cref="AlarmLogGroups"/>), then the custom actions
/// associated with any configuration of that channel whose type and criteria match the event. A pure function of
/// the event and the snapshot. Only Slack and Teams channels get them: those are the targets whose button presses
/// come back to Crowsnest.
/// </summary>
public static class NotificationButtons
{
    /// <summary>The message with its command buttons added (the same instance when none apply).</summary>
    public static ChatMessage Add(ChatMessage message, AwsEvent? awsEvent, ChatTarget target, ConfigSnapshot snapshot, string notificationId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (awsEvent is null || target is not (SlackChannelTarget or TeamsChannelTarget))
        {
            return message;
        }
        var buttons = new List<MessageButton>(message.Buttons);
        buttons.AddRange(ShowLogsButtons(awsEvent));
        foreach (var match in CustomActionMatcher.Match(awsEvent, snapshot.CustomActionsForTarget(target.Key)))
        {
            buttons.Add(CommandButtons.Create(match.ButtonText, match.CommandText,
                () => new CustomActionReference(match.Action.ActionName, notificationId, match.AttachmentIndex).ToCommandText()));
        }
        var distinct = buttons.DistinctBy(b => (b.ActionId, b.Value)).ToList();
        return distinct.Count == message.Buttons.Count ? message : message with { Buttons = distinct };
    }

    /// <summary>"Show logs" and "Show error logs" for each log group of an alarm (qualified by the group when there are several).</summary>
    public static IEnumerable<MessageButton> ShowLogsButtons(AwsEvent awsEvent)
    {
        if (AlarmLogGroups.Find(awsEvent) is not { } window)
        {
            yield break;
        }
        foreach (var group in window.LogGroups)
        {
            var suffix = window.LogGroups.Count > 1 ? $" ({Short(group)})" : "";
            foreach (var errors in (bool[])[false, true])
            {
                var request = new ShowLogsRequest(group, window.Start, window.End, errors, window.Region);
                if (CommandButtons.TryCreate((errors ? "Show error logs" : "Show logs") + suffix, request.ToCommandText()) is { } button)
                {
                    yield return button;
                }
            }
        }
    }

    private static string Short(string group)
    {
        var name = group[(group.LastIndexOf('/') + 1)..];
        return name.Length > 30 ? name[..29] + "…" : name;
    }
}
