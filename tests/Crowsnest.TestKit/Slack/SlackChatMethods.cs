using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Slack;

/// <summary><c>chat.postMessage</c>, <c>chat.update</c>, <c>chat.postEphemeral</c>.</summary>
internal static class SlackChatMethods
{
    public static SlackReply PostMessage(SlackCall call)
    {
        if (SlackChecks.Channel(call, call.Args.String("channel"), true, out var channel) is { } bad)
        {
            return bad;
        }
        if (SlackChecks.Content(call, true, out var content) is { } badContent)
        {
            return badContent;
        }
        var threadTs = call.Args.String("thread_ts");
        if (!string.IsNullOrEmpty(threadTs))
        {
            var parent = call.State.Find(channel.Id, threadTs);
            if (parent is null)
            {
                return SlackReply.Fail("thread_not_found");
            }
            if (parent.IsReply)
            {
                // thread_ts must be the parent's ts; the emulator is strict so a sender that threads under a reply is caught.
                return SlackReply.Fail("cannot_reply_to_message");
            }
        }
        if (SlackChecks.PostingLimit(call, channel.Id) is { } limited)
        {
            return limited;
        }
        var ws = call.Options.Workspace;
        var posted = call.State.Post(channel.Id, new SlackMessageView(channel.Id, "", string.IsNullOrEmpty(threadTs) ? null : threadTs,
            ws.BotUserId, ws.BotId, content.Text, content.Blocks?.ToJsonString(), content.Attachments?.ToJsonString(), [], 0, 0, call.DeliveryId));
        var body = new JsonObject { ["channel"] = channel.Id, ["ts"] = posted.Ts, ["message"] = SlackChecks.MessageJson(posted, call.Options) };
        SlackChecks.Warn(body, content.Warning);
        return SlackReply.Ok(body);
    }

    public static SlackReply Update(SlackCall call)
    {
        if (SlackChecks.Channel(call, call.Args.String("channel"), false, out var channel) is { } bad)
        {
            return bad;
        }
        var ts = call.Args.String("ts");
        var existing = string.IsNullOrEmpty(ts) ? null : call.State.Find(channel.Id, ts);
        if (existing is null)
        {
            return SlackReply.Fail("message_not_found");
        }
        if (existing.User != call.Options.Workspace.BotUserId)
        {
            return SlackReply.Fail("cant_update_message");
        }
        if (call.Options.EditWindowClosed)
        {
            return SlackReply.Fail("edit_window_closed");
        }
        if (call.Args.String("text") is { Length: > 4000 })
        {
            return SlackReply.Fail("msg_too_long");
        }
        if (SlackChecks.Content(call, true, out var content) is { } badContent)
        {
            return badContent;
        }
        var args = call.Args;
        var updated = call.State.Update(channel.Id, ts!, m => m with
        {
            Text = args.Has("text") || args.Has("markdown_text") ? content.Text : m.Text,
            BlocksJson = args.Has("blocks") ? content.Blocks?.ToJsonString() : m.BlocksJson,
            AttachmentsJson = args.Has("attachments") ? content.Attachments?.ToJsonString() : m.AttachmentsJson,
        });
        return SlackReply.Ok(new JsonObject
        {
            ["channel"] = channel.Id,
            ["ts"] = updated.Ts,
            ["text"] = updated.Text,
            ["message"] = SlackChecks.MessageJson(updated, call.Options),
        });
    }

    public static SlackReply PostEphemeral(SlackCall call)
    {
        if (SlackChecks.Channel(call, call.Args.String("channel"), true, out var channel) is { } bad)
        {
            return bad;
        }
        var user = call.Args.String("user");
        if (string.IsNullOrEmpty(user) || !call.Options.Users.Contains(user))
        {
            return SlackReply.Fail("user_not_in_channel");
        }
        if (SlackChecks.Content(call, true, out var content) is { } badContent)
        {
            return badContent;
        }
        var ts = call.State.PostEphemeral(channel.Id, user, content.Text, content.Blocks?.ToJsonString(), call.Args.String("thread_ts"));
        return SlackReply.Ok(new JsonObject { ["message_ts"] = ts });
    }
}
