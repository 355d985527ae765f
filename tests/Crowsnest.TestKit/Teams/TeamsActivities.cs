using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Teams;

/// <summary>
/// Activities as Teams sends them to a bot: a channel message that mentions the bot (<c>&lt;at&gt;aws&lt;/at&gt; …</c>
/// with its mention entity), an Adaptive Card <c>Action.Submit</c>, and an <c>adaptiveCard/action</c> invoke.
/// </summary>
public sealed class TeamsActivities(TeamsBotOptions options, Uri serviceUrl, Func<string> newId)
{
    /// <summary>A Teams channel id as Teams sends it (decoded).</summary>
    public const string DefaultChannel = "19:alerts@thread.tacv2";

    public const string UserAadId = "aaaaaaaa-1111-2222-3333-444444444444";

    public string BotId => $"28:{options.AppId}";

    /// <summary>A message in <paramref name="channelId"/> that mentions the bot; a new thread unless <paramref name="threadRootId"/> is given.</summary>
    public JsonObject ChannelMessage(string text, string channelId = DefaultChannel, string? threadRootId = null, string? tenantId = null, TeamsUser? from = null)
    {
        var id = newId();
        var mention = $"<at>{options.BotName}</at>";
        var activity = Base("message", id, channelId, threadRootId ?? id, tenantId, from);
        activity["text"] = $"{mention} {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = options.BotName }, ["text"] = mention },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web" });
        return activity;
    }

    /// <summary>An <c>Action.Submit</c> pressed on the card message <paramref name="cardMessageId"/> in the thread <paramref name="threadRootId"/>.</summary>
    public JsonObject CardSubmit(string cardMessageId, string threadRootId, string actionId, string? value, string channelId = DefaultChannel, TeamsUser? from = null)
    {
        var activity = Base("message", newId(), channelId, threadRootId, null, from);
        activity["replyToId"] = cardMessageId;
        activity["value"] = new JsonObject { ["actionId"] = actionId, ["value"] = value };
        return activity;
    }

    /// <summary>An <c>Action.Execute</c> pressed on the card message <paramref name="cardMessageId"/>.</summary>
    public JsonObject CardExecute(string cardMessageId, string threadRootId, string actionId, string? value, string channelId = DefaultChannel)
    {
        var activity = Base("invoke", newId(), channelId, threadRootId, null, null);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardMessageId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = actionId, ["data"] = new JsonObject { ["actionId"] = actionId, ["value"] = value } },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private JsonObject Base(string type, string id, string channelId, string threadRootId, string? tenantId, TeamsUser? from)
    {
        var tenant = tenantId ?? options.TenantId;
        var user = from ?? TeamsUser.Alice;
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = options.TimeProvider.GetUtcNow().ToString("O"),
            ["serviceUrl"] = serviceUrl.ToString(),
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["conversation"] = new JsonObject
            {
                ["isGroup"] = true,
                ["conversationType"] = "channel",
                ["tenantId"] = tenant,
                ["id"] = $"{channelId};messageid={threadRootId}",
            },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = options.BotName },
            ["channelData"] = new JsonObject
            {
                ["teamsChannelId"] = channelId,
                ["teamsTeamId"] = "19:general@thread.tacv2",
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["team"] = new JsonObject { ["id"] = "19:general@thread.tacv2", ["aadGroupId"] = options.TeamId },
                ["tenant"] = new JsonObject { ["id"] = tenant },
            },
            ["locale"] = "en-US",
        };
    }
}
