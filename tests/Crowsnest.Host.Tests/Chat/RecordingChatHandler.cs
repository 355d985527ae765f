using System.Threading.Channels;
using Crowsnest.Commands.Chat;
using Crowsnest.Messages;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// An <see cref="IChatCommandHandler"/> that records each input, answers a message with a card carrying a Run button
/// (posted in the thread), and answers a button press by updating the pressed message.
/// </summary>
internal sealed class RecordingChatHandler : IChatCommandHandler
{
    private readonly Channel<(object Input, ChatReplyResult Reply)> _handled = Channel.CreateUnbounded<(object, ChatReplyResult)>();

    public int Count;

    public async Task HandleMessageAsync(ChatCommandInput input, IChatResponder responder, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Count);
        var reply = await responder.PostAsync(input.Conversation, new ChatMessage
        {
            EventType = "command.reply",
            Title = $"I ran the read-only command {input.Text}",
            Summary = "`ok`",
            Buttons = [new MessageButton("Run", ChatActionIds.RunCommand, "sns list-topics")],
        }, cancellationToken);
        _handled.Writer.TryWrite((input, reply));
    }

    public async Task HandleActionAsync(ChatActionInput input, IChatResponder responder, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Count);
        var reply = await responder.UpdateAsync(input.Conversation, input.MessageId!, new ChatMessage { EventType = "command.reply", Title = $"Pressed {input.ActionId}" }, cancellationToken);
        _handled.Writer.TryWrite((input, reply));
    }

    public async Task<(T Input, ChatReplyResult Reply)> NextAsync<T>(CancellationToken cancellationToken)
    {
        var (input, reply) = await _handled.Reader.ReadAsync(cancellationToken);
        return ((T)input, reply);
    }
}
