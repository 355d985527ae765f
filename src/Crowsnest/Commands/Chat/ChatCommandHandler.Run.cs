using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Execute.Output;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Storage;

namespace Crowsnest.Commands.Chat;

public sealed partial class ChatCommandHandler
{
    /// <summary>Shortcut or parse → prompt for what is missing → authorize → confirm → execute → audit → reply.</summary>
    private async Task RunAsync(ChatRequest request, ChannelConfiguration configuration, string text, bool confirmed, CancellationToken ct)
    {
        AwsCall call;
        IChatShortcut? shortcut = _d.Shortcuts.FirstOrDefault(s => s.Matches(text));
        var shortcutRequest = new ShortcutRequest(text, request.Conversation, request.User, configuration, _d.Parser);
        if (shortcut is not null)
        {
            switch (await shortcut.ResolveAsync(shortcutRequest, ct))
            {
                case ShortcutOutcome.Reply reply:
                    await PostAsync(request, reply.Message, ct);
                    return;
                case ShortcutOutcome.Invalid invalid:
                    await _audit.WriteAsync(request.Conversation, request.User, text, "invalid", invalid.Message, "not run", request.CorrelationId, configuration.Arn, ct);
                    await PostAsync(request, ChatReplies.Invalid(invalid.Message, []), ct);
                    return;
                case ShortcutOutcome.Call c:
                    call = c.AwsCall;
                    break;
                default:
                    return;
            }
        }
        else
        {
            switch (_d.Parser.Parse(text))
            {
                case ParseResult.Help help:
                    await PostAsync(request, ChatReplies.Help(help.Text), ct);
                    return;
                case ParseResult.Invalid invalid:
                    await _audit.WriteAsync(request.Conversation, request.User, text, "invalid", invalid.ToString(), "not run", request.CorrelationId, configuration.Arn, ct);
                    await PostAsync(request, ChatReplies.Invalid(invalid.Message, invalid.Hints), ct);
                    return;
                case ParseResult.Parsed parsed:
                    call = parsed.Call;
                    break;
                default:
                    return;
            }
        }
        if (call.MissingRequired.Count > 0)
        {
            await PromptAsync(request, configuration, text, call, shortcut, ct);
            return;
        }

        var auth = await _authorization.AuthorizeAsync(_d.Snapshot(), configuration, request.Conversation.Platform, request.User, call, ct);
        if (!auth.Allowed)
        {
            await _audit.WriteAsync(request.Conversation, request.User, text, "denied", auth.Reason, "not run", request.CorrelationId, configuration.Arn, ct);
            await PostAsync(request, ChatReplies.Denied("aws " + text, auth.Reason), ct);
            return;
        }
        var readOnly = shortcut?.IsReadOnly(call) ?? call.IsReadOnly;
        if (!readOnly && !confirmed)
        {
            var id = NewId();
            var expires = _d.Time.GetUtcNow() + _d.Options.ConfirmationTimeout;
            await _d.State.PutPendingAsync(Pending(id, PendingKinds.Confirm, request, new CommandState(text, configuration.Arn, null, request.CorrelationId),
                _d.Options.ConfirmationTimeout), ct);
            await _audit.WriteAsync(request.Conversation, request.User, text, "confirmation-requested", auth.Reason, "awaiting confirmation", request.CorrelationId, configuration.Arn, ct);
            await PostAsync(request, ChatReplies.Confirmation(text, auth.Account, auth.Region, auth.RoleArn!, id, request.User.Id, expires), ct);
            return;
        }

        await _audit.WriteAsync(request.Conversation, request.User, text, confirmed ? "confirmed" : "allowed", auth.Reason, "running", request.CorrelationId, configuration.Arn, ct);
        var result = await _execution.RunAsync(call, auth.Session!, shortcut, (next, t) => FollowUpDenialAsync(request, configuration, text, next, t),
            () => PostAsync(request, ChatReplies.StillRunning(text, _d.Options.StillRunningAfter), ct), ct);
        var outcome = result is AwsResult.Failure f ? $"failed: {f.Error.Code}" : "succeeded";
        await _audit.WriteAsync(request.Conversation, request.User, text, confirmed ? "confirmed" : "allowed", auth.Reason, outcome, request.CorrelationId, configuration.Arn, ct);
        var message = shortcut?.RenderResult(shortcutRequest, call, result) ?? result switch
        {
            AwsResult.Success success => ChatReplies.Ran(text, readOnly, auth.Account, auth.Region, ChatSummary.Render(call, success.Output, _d.Options.OutputLimit)),
            AwsResult.Failure failure => ChatReplies.Failed(text, auth.Account, auth.Region, failure.Error.Code, failure.PlainMessage),
            _ => ChatReplies.InternalError(request.CorrelationId),
        };
        await PostAsync(request, message, ct);
    }

    /// <summary>
    /// Decides a shortcut's further call (get-query-results after start-query) like any command, so a guardrail that
    /// denies it is obeyed; a denial is audited and its reason returned.
    /// </summary>
    private async Task<string?> FollowUpDenialAsync(ChatRequest request, ChannelConfiguration configuration, string text, AwsCall next, CancellationToken ct)
    {
        var auth = await _authorization.AuthorizeAsync(_d.Snapshot(), configuration, request.Conversation.Platform, request.User, next, ct);
        if (auth.Allowed)
        {
            return null;
        }
        await _audit.WriteAsync(request.Conversation, request.User, text, "denied", auth.Reason, $"not run: {next.IamAction}", request.CorrelationId, configuration.Arn, ct);
        return auth.Reason;
    }

    /// <summary>Asks for the first missing required parameter (buttons for an enum, a thread reply otherwise).</summary>
    private async Task PromptAsync(ChatRequest request, ChannelConfiguration configuration, string text, AwsCall call, IChatShortcut? shortcut, CancellationToken ct)
    {
        var option = call.MissingRequired[0];
        var name = option.TrimStart('-');
        var asked = shortcut?.Prompt(call, option);
        var choices = asked?.Choices ?? (ArgumentTable.For(call.Operation).Arguments.TryGetValue(name, out var argument) ? argument.Shape.Enum : []);
        var id = NewId();
        await _d.State.PutPendingAsync(Pending(id, PendingKinds.Prompt, request, new CommandState(text, configuration.Arn, "--" + name, request.CorrelationId),
            _d.Options.PromptTimeout), ct);
        await PostAsync(request, ChatReplies.Prompt("aws " + text, "--" + name, choices, id, asked?.Question), ct);
    }

    /// <summary>Adds the answer to the command and runs it again (which may prompt for the next parameter).</summary>
    private async Task AnswerPromptAsync(ChatRequest request, PendingInteraction prompt, string value, CancellationToken ct, bool alreadyTaken = false)
    {
        if (!alreadyTaken && !await _d.State.TakePendingAsync(prompt.Id, ct) || CommandState.FromJson(prompt.State) is not { ConfigurationArn: { } arn } state)
        {
            return;
        }
        if (_d.Snapshot().ByArn(arn) is not { Enabled: true } configuration)
        {
            await PostAsync(request, ChatReplies.Text("This channel's configuration changed", "Run the command again."), ct);
            return;
        }
        var text = $"{state.Text} {state.Option} {AliasCommandsQuote(value)}";
        await RunAsync(request with { CorrelationId = state.CorrelationId ?? request.CorrelationId }, configuration, text, confirmed: false, ct);
    }

    private static string AliasCommandsQuote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "_./:=@,+-".Contains(c, StringComparison.Ordinal))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private PendingInteraction Pending(string id, string kind, ChatRequest request, CommandState state, TimeSpan ttl)
    {
        var now = _d.Time.GetUtcNow();
        return new PendingInteraction(id, kind, request.Conversation.ChannelKey, request.Conversation.ThreadId, request.User.Id, state.ToJson(), now, now + ttl);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private async Task PostAsync(ChatRequest request, Messages.ChatMessage message, CancellationToken ct)
    {
        var posted = await request.Responder.PostAsync(request.Conversation, message, ct);
        if (!posted.Succeeded)
        {
            _d.OnError?.Invoke(request.CorrelationId, new InvalidOperationException($"The reply could not be posted: {posted.Error}"));
        }
    }

    private async Task GuardAsync(ChatRequest request, Func<Task> work, CancellationToken ct)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _d.OnError?.Invoke(request.CorrelationId, e);
            try
            {
                await request.Responder.PostAsync(request.Conversation, ChatReplies.InternalError(request.CorrelationId), ct);
            }
            catch (Exception second) when (second is HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                _d.OnError?.Invoke(request.CorrelationId, second);
            }
        }
    }
}
