using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Actions;
using Crowsnest.Notifications.Recognize;
using Crowsnest.Storage;

namespace Crowsnest.Commands.Chat.Shortcuts.CustomActions;

/// <summary>A resolved reference: the command to run, or why there is none (text for the user).</summary>
public sealed record CustomActionResolution(string? CommandText, string? Error);

/// <summary>
/// Turns a <see cref="CustomActionReference"/> (a button whose command was too long to carry) back into the
/// command: it reloads the notification from the inbox, recognises it again and fills the action's command exactly
/// as <see cref="NotificationButtons"/> did. The command then runs like any other (authorize, confirm).
/// </summary>
public sealed class CustomActionResolver(IInboxStore inbox, EventCatalog catalog, Func<ConfigSnapshot> snapshot)
{
    /// <summary>Resolves a reference typed or pressed in <paramref name="channelKey"/>'s channel (a target key such as <c>slack:T1:C1</c>).</summary>
    public async Task<CustomActionResolution> ResolveAsync(CustomActionReference reference, string channelKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var action = snapshot().CustomActionsForTarget(channelKey)
            .FirstOrDefault(a => string.Equals(a.ActionName, reference.ActionName, StringComparison.Ordinal));
        if (action is null)
        {
            return new CustomActionResolution(null, $"No custom action named {reference.ActionName} is associated with this channel.");
        }
        if (reference.AttachmentIndex < 0 || reference.AttachmentIndex >= action.Attachments.Count)
        {
            return new CustomActionResolution(null, $"The custom action {reference.ActionName} has no button {reference.AttachmentIndex}; it may have changed since the notification.");
        }
        var stored = await inbox.GetAsync(reference.NotificationId, cancellationToken).ConfigureAwait(false);
        if (stored is null || catalog.Recognize(stored.Notification).Event is not { } awsEvent)
        {
            return new CustomActionResolution(null, $"The notification {reference.NotificationId} is no longer stored, so its button cannot run.");
        }
        return CustomActionMatcher.TryMatch(awsEvent, action, reference.AttachmentIndex) is { } match
            ? new CustomActionResolution(match.CommandText, null)
            : new CustomActionResolution(null, $"The custom action {reference.ActionName} no longer applies to that notification.");
    }
}
