using System.Text.Json;
using System.Text.RegularExpressions;
using Crowsnest.Commands.Chat;
using Crowsnest.Storage;

namespace Crowsnest.Host.Chat.Slack;

/// <summary>
/// Turns Slack's payloads (Events API over HTTP, or Socket Mode) into chat inputs and queues them for the command
/// handler: the caller acknowledges Slack at once. A delivery id is claimed durably before its work runs, so Slack's
/// retries (and a second instance) never run a command twice.
/// </summary>
internal sealed partial class SlackInbound(ChatWorkQueue queue, IChatCommandHandler handler, IChatResponder responder, IStore store, TimeProvider time,
    ILogger<SlackInbound> log) : ISlackInbound
{
    private static readonly TimeSpan ClaimTtl = TimeSpan.FromHours(24);

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*")]
    private static partial Regex LeadingMention();

    [GeneratedRegex("#[0-9]+$")]
    private static partial Regex ActionSuffix();

    public Task<SlackAck> OnEventAsync(JsonElement payload, int retryNum, CancellationToken cancellationToken)
    {
        if (Str(payload, "type") == "url_verification")
        {
            return Task.FromResult(new SlackAck(JsonSerializer.Serialize(new Dictionary<string, string?> { ["challenge"] = Str(payload, "challenge") }, SlackInboundJson.Default.DictionaryStringString)));
        }
        if (Str(payload, "type") != "event_callback" || !payload.TryGetProperty("event", out var e) || Str(payload, "event_id") is not { } eventId)
        {
            return Task.FromResult(SlackAck.Empty);
        }
        var team = Str(payload, "team_id") ?? Str(e, "team") ?? "";
        var botUser = payload.TryGetProperty("authorizations", out var auths) && auths.ValueKind == JsonValueKind.Array && auths.GetArrayLength() > 0
            ? Str(auths[0], "user_id") : null;
        var type = Str(e, "type");
        var text = Str(e, "text") ?? "";
        var addressed = type == "app_mention";
        if (type == "message")
        {
            // Only plain user replies in a thread; a mention arrives as app_mention too, so it is taken there.
            if (Str(e, "thread_ts") is null || Str(e, "subtype") is not null || Str(e, "bot_id") is not null
                || botUser is not null && text.Contains($"<@{botUser}", StringComparison.Ordinal))
            {
                return Task.FromResult(SlackAck.Empty);
            }
        }
        else if (!addressed)
        {
            return Task.FromResult(SlackAck.Empty);
        }
        var ts = Str(e, "ts") ?? "";
        var input = new ChatCommandInput(
            new ChatConversationRef("slack", team, Str(e, "channel") ?? "", Str(e, "thread_ts") ?? ts),
            new ChatUser(Str(e, "user") ?? ""),
            LeadingMention().Replace(text, "", 1).Trim(),
            ts,
            eventId,
            time.GetUtcNow(),
            addressed);
        if (retryNum > 0)
        {
            Retried(log, eventId, retryNum);
        }
        return Enqueue(eventId, ct => handler.HandleMessageAsync(input, responder, ct));
    }

    public Task<SlackAck> OnInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var type = Str(payload, "type");
        var team = payload.TryGetProperty("team", out var t) ? Str(t, "id") : null;
        var user = payload.TryGetProperty("user", out var u) ? Str(u, "id") : null;
        team ??= payload.TryGetProperty("user", out var u2) ? Str(u2, "team_id") : null;
        if (type == "block_actions" && payload.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0)
        {
            var action = actions[0];
            var channel = payload.TryGetProperty("channel", out var c) ? Str(c, "id") : payload.TryGetProperty("container", out var ct0) ? Str(ct0, "channel_id") : null;
            var message = payload.TryGetProperty("message", out var m) ? m : default;
            var messageTs = message.ValueKind == JsonValueKind.Object ? Str(message, "ts") : payload.TryGetProperty("container", out var ct1) ? Str(ct1, "message_ts") : null;
            var threadTs = message.ValueKind == JsonValueKind.Object ? Str(message, "thread_ts") : null;
            var actionTs = Str(action, "action_ts") ?? time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var input = new ChatActionInput(
                new ChatConversationRef("slack", team ?? "", channel ?? "", threadTs ?? messageTs),
                new ChatUser(user ?? ""),
                ActionSuffix().Replace(Str(action, "action_id") ?? "", ""),
                Str(action, "value") ?? (action.TryGetProperty("selected_option", out var so) ? Str(so, "value") : null),
                messageTs,
                $"action:{Str(payload, "trigger_id") ?? actionTs}",
                time.GetUtcNow());
            return Enqueue(input.EventId, ct => handler.HandleActionAsync(input, responder, ct));
        }
        if (type == "view_submission" && payload.TryGetProperty("view", out var view))
        {
            // private_metadata carries "channel|thread" for dialogues opened from a conversation.
            var meta = (Str(view, "private_metadata") ?? "").Split('|');
            var values = view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var v) ? v.GetRawText() : null;
            var input = new ChatActionInput(
                new ChatConversationRef("slack", team ?? "", meta.Length > 0 ? meta[0] : "", meta.Length > 1 && meta[1].Length > 0 ? meta[1] : null),
                new ChatUser(user ?? ""),
                Str(view, "callback_id") ?? "",
                values,
                null,
                $"view:{Str(view, "id") ?? ""}:{Str(view, "hash") ?? ""}",
                time.GetUtcNow());
            return Enqueue(input.EventId, ct => handler.HandleActionAsync(input, responder, ct));
        }
        return Task.FromResult(SlackAck.Empty);
    }

    public Task<SlackAck> OnSlashCommandAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var get = (string key) => form.TryGetValue(key, out var value) ? value : "";
        var conversation = new ChatConversationRef("slack", get("team_id"), get("channel_id"), null);
        var user = new ChatUser(get("user_id"), get("user_name"));
        var text = get("text");
        var eventId = $"slash:{(get("trigger_id") is { Length: > 0 } trigger ? trigger : Guid.NewGuid().ToString("N"))}";
        return Enqueue(eventId, async ct =>
        {
            // A slash command leaves no message to thread under: post the request, and answer in its thread.
            var echo = await responder.PostAsync(conversation, ChatReplies.Text($"{get("command")} {text}".Trim(), $"Asked by <@{user.Id}>"), ct);
            if (echo.MessageId is null)
            {
                PostFailed(log, echo.Error);
                return;
            }
            var input = new ChatCommandInput(conversation with { ThreadId = echo.MessageId }, user, text, echo.MessageId, eventId, time.GetUtcNow());
            await handler.HandleMessageAsync(input, responder, ct);
        }, new SlackAck(null));
    }

    private Task<SlackAck> Enqueue(string eventId, Func<CancellationToken, Task> work, SlackAck? ack = null)
    {
        var accepted = queue.TryEnqueue(async ct =>
        {
            if (!await store.ChatState.TryClaimEventAsync(eventId, time.GetUtcNow() + ClaimTtl, ct))
            {
                Duplicate(log, eventId);
                return;
            }
            await work(ct);
        });
        return Task.FromResult(accepted ? ack ?? SlackAck.Empty : SlackAck.Busy);
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Slack retried event {EventId} (retry {RetryNum})")]
    private static partial void Retried(ILogger logger, string eventId, int retryNum);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Slack delivery {EventId} was already taken; not run again")]
    private static partial void Duplicate(ILogger logger, string eventId);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "The slash command could not be echoed: {Error}")]
    private static partial void PostFailed(ILogger logger, string? error);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class SlackInboundJson : System.Text.Json.Serialization.JsonSerializerContext;
