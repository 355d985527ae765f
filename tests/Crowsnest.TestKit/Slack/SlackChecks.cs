using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Slack;

/// <summary>The message content of a call after Slack's checks.</summary>
internal sealed record SlackContent(string Text, JsonNode? Blocks, JsonNode? Attachments, string? Warning);

/// <summary>The checks several methods share: channel, content, Block Kit.</summary>
internal static class SlackChecks
{
    public const int TruncateAt = 40_000;

    public static SlackReply? Channel(SlackCall call, string? idOrName, bool mustBeMember, out SlackChannelView channel)
    {
        channel = null!;
        var found = string.IsNullOrEmpty(idOrName) ? null : call.State.FindChannel(idOrName);
        if (found is null)
        {
            return SlackReply.Fail("channel_not_found");
        }
        call.Exchange.Target = found.Id;
        channel = found;
        if (found.IsArchived)
        {
            return SlackReply.Fail("is_archived");
        }
        return mustBeMember && !found.IsMember ? SlackReply.Fail("not_in_channel") : null;
    }

    public static SlackReply? Content(SlackCall call, bool requireContent, out SlackContent content)
    {
        content = null!;
        var args = call.Args;
        var text = args.String("text") ?? "";
        var markdown = args.String("markdown_text");
        if (markdown is not null && (text.Length > 0 || args.Has("blocks")))
        {
            return SlackReply.Fail("markdown_text_conflict");
        }
        if (markdown is { Length: > 12_000 })
        {
            return SlackReply.Fail("msg_too_long");
        }
        JsonNode? blocks = null;
        if (args.Has("blocks"))
        {
            var (value, malformed) = args.Json("blocks");
            if (malformed)
            {
                return SlackReply.Fail("invalid_blocks_format");
            }
            var check = BlockKitValidator.Validate(value, call.Options.MaxCumulativeBlockText);
            if (!check.IsValid)
            {
                return SlackReply.Fail(check.Error!, [.. check.Messages]);
            }
            blocks = value;
        }
        JsonNode? attachments = null;
        if (args.Has("attachments"))
        {
            var (value, malformed) = args.Json("attachments");
            if (malformed || value is not JsonArray list)
            {
                return SlackReply.Fail("invalid_attachments");
            }
            if (list.Count > 100)
            {
                return SlackReply.Fail("too_many_attachments");
            }
            attachments = value;
        }
        if (requireContent && text.Length == 0 && markdown is null && blocks is null && attachments is null)
        {
            return SlackReply.Fail("no_text");
        }
        string? warning = null;
        if (text.Length > TruncateAt)
        {
            if (call.Options.RejectLongText)
            {
                return SlackReply.Fail("msg_too_long");
            }
            text = text[..TruncateAt];
            warning = "message_truncated";
        }
        content = new SlackContent(markdown ?? text, blocks, attachments, warning);
        return null;
    }

    /// <summary>The per-channel and per-workspace posting limits of chat.postMessage.</summary>
    public static SlackReply? PostingLimit(SlackCall call, string channelId)
    {
        var limits = call.Options.Limits;
        if (!limits.Enabled)
        {
            return null;
        }
        if (!call.Api.Buckets.TryAcquire("channel " + channelId, limits.ChannelPerSecond, limits.ChannelBurst, out var wait)
            || !call.Api.Buckets.TryAcquire("workspace " + call.Options.Workspace.TeamId, limits.WorkspacePostsPerSecond, limits.WorkspacePostsBurst, out wait))
        {
            return SlackReply.RateLimited(wait);
        }
        return null;
    }

    public static JsonObject MessageJson(SlackMessageView m, SlackEmulatorOptions options)
    {
        var o = new JsonObject { ["type"] = "message", ["text"] = m.Text, ["user"] = m.User, ["ts"] = m.Ts };
        if (m.BotId is not null)
        {
            o["bot_id"] = m.BotId;
            o["app_id"] = options.Workspace.AppId;
        }
        o["team"] = options.Workspace.TeamId;
        if (m.ThreadTs is not null)
        {
            o["thread_ts"] = m.ThreadTs;
        }
        if (m.ReplyCount > 0)
        {
            o["reply_count"] = m.ReplyCount;
        }
        if (m.BlocksJson is not null)
        {
            o["blocks"] = JsonNode.Parse(m.BlocksJson);
        }
        if (m.AttachmentsJson is not null)
        {
            o["attachments"] = JsonNode.Parse(m.AttachmentsJson);
        }
        if (m.FileIds.Count > 0)
        {
            o["files"] = new JsonArray([.. m.FileIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]);
        }
        if (m.EditCount > 0)
        {
            o["edited"] = new JsonObject { ["user"] = m.User };
        }
        return o;
    }

    public static void Warn(JsonObject body, string? warning)
    {
        if (warning is null)
        {
            return;
        }
        body["warning"] = warning;
        body["response_metadata"] = new JsonObject
        {
            ["warnings"] = new JsonArray(warning),
            ["messages"] = new JsonArray($"[WARN] {warning}"),
        };
    }
}
