using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Commands.Chat;
using Crowsnest.Host.Chat.Teams;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>Activities to chat inputs, and conversation ids for replies, without a server.</summary>
public sealed class TeamsInputsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_bot_mention_and_markup_are_removed_from_the_command()
    {
        var activity = Activity("message", """<at>Crowsnest AWS</at>&nbsp;cloudwatch describe-alarms --alarm-names <at>Bob</at>""", "19:c@thread.tacv2;messageid=100", "101",
            mention: "<at>Crowsnest AWS</at>");
        var input = TeamsInputs.Command(activity, Now);
        Assert.Equal("cloudwatch describe-alarms --alarm-names Bob", input?.Text);
        Assert.Equal(new ChatConversationRef("teams", "t1", "19:c@thread.tacv2", "100", "https://smba.example/teams/"), input?.Conversation);
        Assert.Null(TeamsInputs.Action(activity, Now));
    }

    [Fact]
    public void A_mention_alone_is_not_a_command()
    {
        var activity = Activity("message", "<at>aws</at> ", "19:c@thread.tacv2;messageid=100", "100", mention: "<at>aws</at>");
        Assert.Null(TeamsInputs.Command(activity, Now));
    }

    [Fact]
    public void A_personal_chat_replies_to_the_activity_in_the_same_conversation()
    {
        var activity = Activity("message", "sns list-topics", "a:1personal", "55");
        var input = TeamsInputs.Command(activity, Now)!;
        Assert.Equal(("a:1personal", "55"), (input.Conversation.ChannelId, input.Conversation.ThreadId));
        Assert.Equal("a:1personal", Crowsnest.Host.Chat.Teams.TeamsResponder.ConversationId(input.Conversation));
    }

    [Theory]
    [InlineData("19:c@thread.tacv2", "100", "19:c@thread.tacv2;messageid=100")]
    [InlineData("19:c@thread.skype", "100", "19:c@thread.skype;messageid=100")]
    [InlineData("19:group@thread.v2", "100", "19:group@thread.v2")]
    [InlineData("19:c@thread.tacv2", null, "19:c@thread.tacv2")]
    public void A_channel_reply_names_the_thread_in_the_conversation_id(string channel, string? thread, string expected) =>
        Assert.Equal(expected, TeamsResponder.ConversationId(new ChatConversationRef("teams", "t1", channel, thread, "https://smba.example/")));

    [Fact]
    public void A_card_submit_without_an_action_id_is_ignored()
    {
        var json = Json("message", null, "19:c@thread.tacv2;messageid=100", "102", null);
        json["value"] = new JsonObject { ["comment"] = "hi" };
        var activity = TeamsActivity.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()))!;
        Assert.Null(TeamsInputs.Action(activity, Now));
        Assert.Null(TeamsInputs.Command(activity, Now));
    }

    private static TeamsActivity Activity(string type, string text, string conversation, string id, string? mention = null) =>
        TeamsActivity.Parse(Encoding.UTF8.GetBytes(Json(type, text, conversation, id, mention).ToJsonString()))!;

    private static JsonObject Json(string type, string? text, string conversation, string id, string? mention) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["text"] = text,
        ["serviceUrl"] = "https://smba.example/teams/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:u", ["aadObjectId"] = "aad-u" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["tenantId"] = "t1" },
        ["entities"] = mention is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = "28:bot" }, ["text"] = mention }),
    };
}
