using System.Globalization;
using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Slack;

/// <summary><c>auth.test</c>, <c>conversations.info</c>, <c>conversations.replies</c>, <c>conversations.history</c>.</summary>
internal static class SlackReadMethods
{
    public static SlackReply AuthTest(SlackCall call)
    {
        var ws = call.Options.Workspace;
        return SlackReply.Ok(new JsonObject
        {
            ["url"] = $"https://{ws.Domain}.slack.com/",
            ["team"] = ws.TeamName,
            ["user"] = "crowsnest",
            ["team_id"] = ws.TeamId,
            ["user_id"] = ws.BotUserId,
            ["bot_id"] = ws.BotId,
            ["app_id"] = ws.AppId,
            ["is_enterprise_install"] = false,
        });
    }

    public static SlackReply ConversationInfo(SlackCall call)
    {
        var id = call.Args.String("channel");
        var channel = string.IsNullOrEmpty(id) ? null : call.State.FindChannel(id);
        if (channel is null)
        {
            return SlackReply.Fail("channel_not_found");
        }
        call.Exchange.Target = channel.Id;
        var info = new JsonObject
        {
            ["id"] = channel.Id,
            ["name"] = channel.Name,
            ["is_channel"] = !channel.IsPrivate,
            ["is_group"] = false,
            ["is_im"] = false,
            ["is_private"] = channel.IsPrivate,
            ["is_archived"] = channel.IsArchived,
            ["is_member"] = channel.IsMember,
            ["created"] = channel.Created,
            ["context_team_id"] = call.Options.Workspace.TeamId,
        };
        if (call.Args.Bool("include_num_members"))
        {
            info["num_members"] = call.Options.Users.Count + (channel.IsMember ? 1 : 0);
        }
        return SlackReply.Ok(new JsonObject { ["channel"] = info });
    }

    public static SlackReply Replies(SlackCall call)
    {
        if (SlackChecks.Channel(call, call.Args.String("channel"), false, out var channel) is { Error: "channel_not_found" } bad)
        {
            return bad;
        }
        var ts = call.Args.String("ts");
        var thread = string.IsNullOrEmpty(ts) ? [] : call.State.Thread(channel.Id, ts);
        if (thread.Count == 0)
        {
            return SlackReply.Fail("thread_not_found");
        }
        return SlackReply.Ok(new JsonObject
        {
            ["messages"] = new JsonArray([.. thread.Select(m => (JsonNode)SlackChecks.MessageJson(m, call.Options))]),
            ["has_more"] = false,
        });
    }

    public static SlackReply History(SlackCall call)
    {
        if (SlackChecks.Channel(call, call.Args.String("channel"), false, out var channel) is { Error: "channel_not_found" } bad)
        {
            return bad;
        }
        var limit = int.TryParse(call.Args.String("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 999) : 100;
        var top = call.State.Messages(channel.Id).Where(m => !m.IsReply).Reverse().ToList();
        return SlackReply.Ok(new JsonObject
        {
            ["messages"] = new JsonArray([.. top.Take(limit).Select(m => (JsonNode)SlackChecks.MessageJson(m, call.Options))]),
            ["has_more"] = top.Count > limit,
        });
    }
}
