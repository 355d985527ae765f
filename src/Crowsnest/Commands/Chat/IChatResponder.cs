using Crowsnest.Messages;

namespace Crowsnest.Commands.Chat;

/// <summary>Posts replies to the conversation a request came from (Slack Web API, Teams Bot Connector).</summary>
public interface IChatResponder
{
    /// <summary>Posts a message (in <see cref="ChatConversationRef.ThreadId"/>'s thread when set); returns the platform's message id.</summary>
    Task<ChatReplyResult> PostAsync(ChatConversationRef to, ChatMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces an earlier message (a confirmation once answered, "still running" once done).</summary>
    Task<ChatReplyResult> UpdateAsync(ChatConversationRef to, string messageId, ChatMessage message, CancellationToken cancellationToken);
}

/// <summary>The outcome of posting a reply: the platform's message id, or an error for the log (never a secret).</summary>
public sealed record ChatReplyResult(string? MessageId, string? Error)
{
    /// <summary>True when the platform accepted the message.</summary>
    public bool Succeeded => Error is null;
}
