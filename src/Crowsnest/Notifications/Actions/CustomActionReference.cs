using Crowsnest.Commands.Chat.Shortcuts;

namespace Crowsnest.Notifications.Actions;

/// <summary>
/// Stands for a custom action's command when it is too long for a button:
/// <c>custom-action &lt;ActionName&gt; --notification &lt;message id&gt; --attachment &lt;n&gt;</c>. Nothing extra is
/// stored: the notification is already in the inbox, so the command is rebuilt from it and the action (the same
/// pure function that made the button) when the button is pressed.
/// </summary>
/// <param name="ActionName">The custom action's name.</param>
/// <param name="NotificationId">The notification's message id.</param>
/// <param name="AttachmentIndex">Which attachment of the action made the button.</param>
public sealed record CustomActionReference(string ActionName, string NotificationId, int AttachmentIndex)
{
    /// <summary>The reference command's first word.</summary>
    public const string CommandName = "custom-action";

    /// <summary>The command text (without <c>@aws</c>).</summary>
    public string ToCommandText() =>
        $"{CommandName} {ActionName} --notification {CommandTemplate.QuoteWord(NotificationId)} --attachment {AttachmentIndex}";

    /// <summary>Reads the words after <see cref="CommandName"/>.</summary>
    public static ShortcutParse<CustomActionReference> Parse(IReadOnlyList<string> words)
    {
        var args = ShortcutArguments.Read(words);
        if (args.Error is null && args.Positional.Count == 1 && args.Unknown("notification", "attachment").Count == 0
            && args.Get("notification") is { Length: > 0 } id
            && int.TryParse(args.Get("attachment") ?? "0", System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return ShortcutParse<CustomActionReference>.Ok(new CustomActionReference(args.Positional[0], id, index));
        }
        return ShortcutParse<CustomActionReference>.Fail($"Usage: `{CommandName} <action-name> --notification <id> [--attachment <n>]`");
    }
}
