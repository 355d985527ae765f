namespace Crowsnest.Commands.Chat;

public sealed partial class ChatCommandHandler
{
    /// <inheritdoc />
    public Task HandleActionAsync(ChatActionInput input, IChatResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new ChatRequest(input.Conversation, input.User, responder, input.EventId);
        return GuardAsync(request, () => OnActionAsync(request, input, cancellationToken), cancellationToken);
    }

    private async Task OnActionAsync(ChatRequest request, ChatActionInput input, CancellationToken ct)
    {
        var value = input.Value ?? "";
        switch (input.ActionId)
        {
            case ChatActionIds.RunCommand:
                await HandleTextAsync(request, value, ct);
                return;
            case ChatDialogActions.Confirm or ChatDialogActions.Cancel:
                await AnswerConfirmationAsync(request, input, value, ct);
                return;
            case ChatDialogActions.PromptValue or ChatDialogActions.ChooseAccount:
                var bar = value.IndexOf('|', StringComparison.Ordinal);
                if (bar > 0)
                {
                    await AnswerChoiceAsync(request, input, value[..bar], value[(bar + 1)..], ct);
                }
                return;
        }
        var shortcut = _d.Shortcuts.FirstOrDefault(s => s.ActionIds.Contains(input.ActionId));
        if (shortcut is not null)
        {
            await shortcut.HandleActionAsync(input, request.Responder, ct);
        }
    }

    private async Task AnswerConfirmationAsync(ChatRequest request, ChatActionInput input, string id, CancellationToken ct)
    {
        var pending = await _d.State.GetPendingAsync(id, ct);
        if (pending is null || pending.Kind != PendingKinds.Confirm || CommandState.FromJson(pending.State) is not { ConfigurationArn: { } arn } state)
        {
            await PostAsync(request, ChatReplies.Text("This confirmation was already answered or has expired"), ct);
            return;
        }
        request = request with { CorrelationId = state.CorrelationId ?? request.CorrelationId };
        if (pending.UserId != input.User.Id)
        {
            await _audit.WriteAsync(request.Conversation, request.User, state.Text, "confirmation-refused", $"only {pending.UserId} may answer", "not run",
                request.CorrelationId, arn, ct);
            await PostAsync(request, ChatReplies.Text($"Only <@{pending.UserId}> can answer this confirmation", "Nothing was run."), ct);
            return;
        }
        if (pending.ExpiresAt <= _d.Time.GetUtcNow())
        {
            await _d.State.TakePendingAsync(id, ct);
            await _audit.WriteAsync(request.Conversation, request.User, state.Text, "expired", "the confirmation expired", "not run", request.CorrelationId, arn, ct);
            await UpdateAsync(request, input.MessageId, ChatReplies.Answered(state.Text, "This confirmation expired; nothing was run. Ask again to run it."), ct);
            return;
        }
        if (!await _d.State.TakePendingAsync(id, ct))
        {
            return; // answered at the same moment, on this or another instance
        }
        if (input.ActionId == ChatDialogActions.Cancel)
        {
            await _audit.WriteAsync(request.Conversation, request.User, state.Text, "cancelled", null, "not run", request.CorrelationId, arn, ct);
            await UpdateAsync(request, input.MessageId, ChatReplies.Answered(state.Text, $"Cancelled by <@{input.User.Id}>; nothing was run."), ct);
            return;
        }
        if (_d.Snapshot().ByArn(arn) is not { Enabled: true } configuration)
        {
            await PostAsync(request, ChatReplies.Text("This channel's configuration changed", "Nothing was run; ask again."), ct);
            return;
        }
        await UpdateAsync(request, input.MessageId, ChatReplies.Answered(state.Text, $"Confirmed by <@{input.User.Id}>; running it."), ct);
        await RunAsync(request, configuration, state.Text, confirmed: true, ct);
    }

    private async Task AnswerChoiceAsync(ChatRequest request, ChatActionInput input, string id, string choice, CancellationToken ct)
    {
        var pending = await _d.State.GetPendingAsync(id, ct);
        if (pending is null || pending.ExpiresAt <= _d.Time.GetUtcNow() || CommandState.FromJson(pending.State) is not { } state)
        {
            await PostAsync(request, ChatReplies.Text("This question was already answered or has expired"), ct);
            return;
        }
        if (pending.UserId != input.User.Id)
        {
            await PostAsync(request, ChatReplies.Text($"Only <@{pending.UserId}> can answer this question"), ct);
            return;
        }
        if (!await _d.State.TakePendingAsync(id, ct))
        {
            return;
        }
        request = request with { CorrelationId = state.CorrelationId ?? request.CorrelationId };
        if (pending.Kind == PendingKinds.Prompt)
        {
            await AnswerPromptAsync(request, pending, choice, ct, alreadyTaken: true);
            return;
        }
        var configurations = ChatChannels.For(_d.Snapshot(), request.Conversation);
        if (configurations.FirstOrDefault(c => c.Arn == choice) is not { } configuration)
        {
            await PostAsync(request, ChatReplies.Text("That account is no longer configured for this channel"), ct);
            return;
        }
        await RememberAsync(request.Conversation, configuration, ct);
        await UpdateAsync(request, input.MessageId, ChatReplies.Text($"Account {ChatChannels.AccountOf(configuration)} ({configuration.Name}) chosen for this channel"), ct);
        await RunAsync(request, configuration, state.Text, confirmed: false, ct);
    }

    private async Task UpdateAsync(ChatRequest request, string? messageId, Messages.ChatMessage message, CancellationToken ct)
    {
        if (messageId is null)
        {
            await PostAsync(request, message, ct);
            return;
        }
        var updated = await request.Responder.UpdateAsync(request.Conversation, messageId, message, ct);
        if (!updated.Succeeded)
        {
            _d.OnError?.Invoke(request.CorrelationId, new InvalidOperationException($"The reply could not be updated: {updated.Error}"));
        }
    }
}
