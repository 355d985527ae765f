using Crowsnest.Commands.Chat;
using Crowsnest.Messages;

namespace Crowsnest.Notifications.Actions;

/// <summary>Buttons that run a command (<see cref="ChatActionIds.RunCommand"/>) when pressed.</summary>
public static class CommandButtons
{
    /// <summary>
    /// The longest command a button carries: Slack's limit on a button's <c>value</c> (2,000 characters), the
    /// lowest of the interactive platforms. Longer commands travel as a reference.
    /// </summary>
    public const int MaxValueChars = 2000;

    /// <summary>A button that runs <paramref name="commandText"/>; null when the text is too long to carry.</summary>
    public static MessageButton? TryCreate(string label, string commandText) =>
        commandText.Length <= MaxValueChars ? new MessageButton(label, ChatActionIds.RunCommand, commandText) : null;

    /// <summary>A button that runs <paramref name="commandText"/>, or <paramref name="reference"/> when the text is too long.</summary>
    public static MessageButton Create(string label, string commandText, Func<string> reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return TryCreate(label, commandText) ?? new MessageButton(label, ChatActionIds.RunCommand, reference());
    }
}
