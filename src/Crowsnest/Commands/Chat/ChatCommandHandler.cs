using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;

namespace Crowsnest.Commands.Chat;

/// <summary>
/// The commands pipeline behind every chat transport: built-ins (help, aliases, default account), shortcuts, then
/// configuration → principal → parse → authorize → confirm → execute → reply, with an audit entry written before
/// each reply. Dialogues (confirmations, prompts, account choices) live in the store, so any instance can finish them.
/// </summary>
public sealed partial class ChatCommandHandler : IChatCommandHandler
{
    private readonly ChatHandlerDependencies _d;
    private readonly ChatAuthorization _authorization;
    private readonly CommandExecution _execution;
    private readonly ChatAuditTrail _audit;
    private readonly AliasCommands _aliases;

    /// <summary>Creates the handler.</summary>
    public ChatCommandHandler(ChatHandlerDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        _d = dependencies;
        _authorization = new ChatAuthorization(_d.Authorizer, _d.Policies, _d.UserRoles, _d.Time, _d.Options.DefaultRegion);
        _execution = new CommandExecution(_d.Credentials, _d.Invoker, _d.Options, _d.Time);
        _audit = new ChatAuditTrail(_d.Audit, _d.Time);
        _aliases = new AliasCommands(_d.Aliases, _d.Parser, _d.Time);
    }

    /// <summary>The principal and decision logic, shared with the dry-run API.</summary>
    public ChatAuthorization Authorization => _authorization;

    /// <inheritdoc />
    public Task HandleMessageAsync(ChatCommandInput input, IChatResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var conversation = input.Conversation.ThreadId is null ? input.Conversation with { ThreadId = input.MessageId } : input.Conversation;
        var request = new ChatRequest(conversation, input.User, responder, input.EventId);
        return GuardAsync(request, () => OnMessageAsync(request, input, cancellationToken), cancellationToken);
    }

    private async Task OnMessageAsync(ChatRequest request, ChatCommandInput input, CancellationToken ct)
    {
        var text = Normalize(input.Text);
        var prompt = await _d.State.FindPendingAsync(request.Conversation.ChannelKey, request.Conversation.ThreadId!, request.User.Id, PendingKinds.Prompt, ct);
        if (prompt is not null && (!input.Addressed || !LooksLikeCommand(text)))
        {
            await AnswerPromptAsync(request, prompt, text, ct);
            return;
        }
        if (!input.Addressed)
        {
            return; // thread chatter that answers nothing
        }
        await HandleTextAsync(request, text, ct);
    }

    /// <summary>A command typed by the user or carried by a button (<see cref="ChatActionIds.RunCommand"/>).</summary>
    private async Task HandleTextAsync(ChatRequest request, string text, CancellationToken ct)
    {
        var words = CommandTokenizer.Tokenize(text, out var tokenError);
        if (words is null)
        {
            await PostAsync(request, ChatReplies.Invalid(tokenError!, []), ct);
            return;
        }
        if (words.Count == 0 || _d.Parser.Parse(text) is ParseResult.Help)
        {
            await PostAsync(request, ChatReplies.Help(_d.Parser.Parse(text) is ParseResult.Help help ? help.Text : ""), ct);
            return;
        }
        if (words is ["set", "default-account", var account])
        {
            await SetDefaultAccountAsync(request, account, ct);
            return;
        }
        if (AliasCommands.Handles(words))
        {
            var outcome = await _aliases.HandleAsync(text, words, request.Conversation, request.User, ct);
            if (outcome.CommandToRun is null)
            {
                await _audit.WriteAsync(request.Conversation, request.User, text, outcome.AuditDecision, outcome.AuditReason, null, request.CorrelationId, null, ct);
                await PostAsync(request, outcome.Reply!, ct);
                return;
            }
            text = outcome.CommandToRun;
        }
        await RouteAsync(request, text, ct);
    }

    /// <summary>Picks the channel's configuration (asking when several accounts share the channel) and runs the text.</summary>
    private async Task RouteAsync(ChatRequest request, string text, CancellationToken ct)
    {
        var configurations = ChatChannels.For(_d.Snapshot(), request.Conversation);
        if (configurations.Count == 0)
        {
            const string Reason = "No enabled Crowsnest channel configuration names this channel.";
            await _audit.WriteAsync(request.Conversation, request.User, text, "denied", Reason, "not run", request.CorrelationId, null, ct);
            await PostAsync(request, ChatReplies.Text("This channel is not configured", Reason + " Ask an administrator to create one.", Severity.Low), ct);
            return;
        }
        var chosen = configurations.Count == 1 ? configurations[0] : await DefaultAsync(request, configurations, ct);
        if (chosen is not null)
        {
            await RunAsync(request, chosen, text, confirmed: false, ct);
            return;
        }
        var id = NewId();
        await _d.State.PutPendingAsync(Pending(id, PendingKinds.Account, request, new CommandState(text, null, null, request.CorrelationId), _d.Options.PromptTimeout), ct);
        await PostAsync(request, ChatReplies.AccountChoice(configurations, id), ct);
    }

    private async Task<ChannelConfiguration?> DefaultAsync(ChatRequest request, IReadOnlyList<ChannelConfiguration> configurations, CancellationToken ct)
    {
        var remembered = await _d.Settings.GetAsync(DefaultAccountKey(request.Conversation), ct);
        return remembered is null ? null : ChatChannels.Pick(configurations, remembered);
    }

    private async Task SetDefaultAccountAsync(ChatRequest request, string account, CancellationToken ct)
    {
        var configurations = ChatChannels.For(_d.Snapshot(), request.Conversation);
        var chosen = ChatChannels.Pick(configurations, account);
        if (chosen is null)
        {
            var known = configurations.Count == 0 ? "none" : string.Join(", ", configurations.Select(c => $"{ChatChannels.AccountOf(c)} ({c.Name})"));
            await PostAsync(request, ChatReplies.Text($"{account} is not an account of this channel", $"Accounts of this channel: {known}.", Severity.Low), ct);
            return;
        }
        await RememberAsync(request.Conversation, chosen, ct);
        await _audit.WriteAsync(request.Conversation, request.User, $"set default-account {account}", "default-account-set", null, null, request.CorrelationId, chosen.Arn, ct);
        await PostAsync(request, ChatReplies.Text($"Commands in this channel now run in account {ChatChannels.AccountOf(chosen)} ({chosen.Name})",
            $"I will remember it for {_d.Options.DefaultAccountTtl.TotalDays:0} days."), ct);
    }

    private Task RememberAsync(ChatConversationRef conversation, ChannelConfiguration chosen, CancellationToken ct) =>
        _d.Settings.SetAsync(DefaultAccountKey(conversation), chosen.Arn, _d.Time.GetUtcNow() + _d.Options.DefaultAccountTtl, ct);

    /// <summary>The settings key of a channel's default account.</summary>
    public static string DefaultAccountKey(ChatConversationRef conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return $"default-account:{conversation.ChannelKey}";
    }

    private bool LooksLikeCommand(string text)
    {
        var first = text.Split(' ', 2)[0];
        return first is "help" or "alias" or "run" or "set" || _d.Parser.Parse(first + " help") is ParseResult.Help || _d.Shortcuts.Any(s => s.Matches(text));
    }

    private static string Normalize(string text)
    {
        var t = text.Trim();
        foreach (var prefix in (string[])["@aws ", "aws "])
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[prefix.Length..].TrimStart();
            }
        }
        return t is "@aws" or "aws" ? "" : t;
    }
}

/// <summary>One request's conversation, requester, reply channel and audit correlation id.</summary>
internal sealed record ChatRequest(ChatConversationRef Conversation, ChatUser User, IChatResponder Responder, string CorrelationId);
