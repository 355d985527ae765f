namespace Crowsnest.Commands.Chat;

/// <summary>A message addressed to the bot (mention, slash command, thread reply), with the mention removed.</summary>
/// <param name="Conversation">Where it was written.</param>
/// <param name="User">Who wrote it.</param>
/// <param name="Text">The text after the mention, e.g. <c>cloudwatch describe-alarms --state-value ALARM</c>.</param>
/// <param name="MessageId">The platform's id of the message (Slack <c>ts</c>).</param>
/// <param name="EventId">The platform's delivery id, used to drop retried deliveries.</param>
/// <param name="ReceivedAt">When Crowsnest received it.</param>
/// <param name="Addressed">
/// False for a thread message that does not mention the bot: it is only taken as the answer to a pending parameter prompt.
/// </param>
public sealed record ChatCommandInput(
    ChatConversationRef Conversation,
    ChatUser User,
    string Text,
    string MessageId,
    string EventId,
    DateTimeOffset ReceivedAt,
    bool Addressed = true);

/// <summary>A button press or a submitted form.</summary>
/// <param name="Conversation">Where the pressed message is.</param>
/// <param name="User">Who pressed.</param>
/// <param name="ActionId">The <see cref="Messages.MessageButton.ActionId"/> pressed (see <see cref="ChatActionIds"/>).</param>
/// <param name="Value">The button's value, or the submitted text.</param>
/// <param name="MessageId">The platform's id of the message that holds the button.</param>
/// <param name="EventId">The platform's delivery id.</param>
/// <param name="ReceivedAt">When Crowsnest received it.</param>
public sealed record ChatActionInput(
    ChatConversationRef Conversation,
    ChatUser User,
    string ActionId,
    string? Value,
    string? MessageId,
    string EventId,
    DateTimeOffset ReceivedAt);

/// <summary>Action ids that transports and renderers share.</summary>
public static class ChatActionIds
{
    /// <summary>
    /// Runs the command in the button's value as if the presser had typed it (custom actions, "Show logs"):
    /// it goes through the same parse, authorize and confirm path.
    /// </summary>
    public const string RunCommand = "crowsnest.run";
}
