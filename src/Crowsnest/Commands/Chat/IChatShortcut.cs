using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;

namespace Crowsnest.Commands.Chat;

/// <summary>
/// A chat command that is not plain <c>&lt;service&gt; &lt;operation&gt;</c> syntax (<c>invoke</c>, <c>support create-case</c>,
/// <c>show-logs</c>). Shortcuts see the text first, in registration order; the first that claims it decides.
/// A call it produces goes through the same authorize, confirm, execute and audit path as a typed command; the
/// confirmation stores the text, so the shortcut is asked again (with the same text) when the user presses Run.
/// </summary>
public interface IChatShortcut
{
    /// <summary>True when this shortcut handles the text (e.g. it starts with <c>invoke </c>).</summary>
    bool Matches(string text);

    /// <summary>Turns the text into a call, a reply (a step of a dialogue), or an error for the user.</summary>
    Task<ShortcutOutcome> ResolveAsync(ShortcutRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The reply for a finished call, or null for the standard "I ran the command …" reply (e.g. Lambda's status,
    /// executed version, payload and log tail).
    /// </summary>
    ChatMessage? RenderResult(ShortcutRequest request, AwsCall call, AwsResult result) => null;

    /// <summary>Button action ids this shortcut answers itself (its dialogue's buttons); empty for none.</summary>
    IReadOnlyCollection<string> ActionIds => [];

    /// <summary>Handles a press of one of <see cref="ActionIds"/>.</summary>
    Task HandleActionAsync(ChatActionInput input, IChatResponder responder, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What a shortcut is asked with.</summary>
/// <param name="Text">The command text (mention removed).</param>
/// <param name="Conversation">Where it was written.</param>
/// <param name="User">Who wrote it.</param>
/// <param name="Configuration">The channel configuration it runs under.</param>
/// <param name="Parser">The command parser, for shortcuts that build their call from CLI syntax.</param>
public sealed record ShortcutRequest(string Text, ChatConversationRef Conversation, ChatUser User, ChannelConfiguration Configuration, ICommandParser Parser);

/// <summary>A shortcut's answer.</summary>
public abstract record ShortcutOutcome
{
    private ShortcutOutcome()
    {
    }

    /// <summary>Run this call through authorize, confirm and execute.</summary>
    public sealed record Call(AwsCall AwsCall) : ShortcutOutcome;

    /// <summary>Post this message (a question of a guided dialogue, a usage text) and run nothing.</summary>
    public sealed record Reply(ChatMessage Message) : ShortcutOutcome;

    /// <summary>The text is wrong: tell the user.</summary>
    public sealed record Invalid(string Message) : ShortcutOutcome;
}
