using System.Net;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>Slack through the emulator: callbacks delivered signed over the Events API, or as envelopes over Socket Mode.</summary>
public sealed class SlackDriver(ChatRig rig, bool socketMode) : IChatDriver
{
    public string Alice => ChatRig.Alice;

    public string Bob => ChatRig.Bob;

    public string ChannelKey => $"slack:{rig.Slack.Options.Workspace.TeamId}:{ChatRig.Channel}";

    public string Actor(string user) => $"slack:{rig.Slack.Options.Workspace.TeamId}:{user}";

    public async Task<string> AskAsync(string user, string text)
    {
        var (ts, body) = rig.Mention(user, text);
        await DeliverEventAsync(body);
        return ts;
    }

    public Task AnswerAsync(string user, string thread, string text) => DeliverEventAsync(rig.ThreadReply(user, thread, text));

    public async Task<IReadOnlyList<BotReply>> RepliesAsync(string thread, int count) => [.. (await rig.BotRepliesAsync(thread, count)).Select(Reply)];

    public async Task PressAsync(string user, string thread, BotReply reply, ReplyButton button)
    {
        var payload = rig.Press(user, reply.Id, thread, button.ActionId, button.Value);
        if (socketMode)
        {
            Assert.True((await rig.Slack.SocketMode.PushInteractiveAsync(payload)).Acked);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, (await rig.Sender.SendInteractionAsync(rig.Interactivity, payload)).StatusCode);
    }

    public int EditsOf(BotReply reply) => rig.Slack.State.Find(ChatRig.Channel, reply.Id)!.EditCount;

    /// <summary>An Events API callback, over the transport this driver uses.</summary>
    public async Task DeliverEventAsync(JsonObject body, int retry = 0)
    {
        if (socketMode)
        {
            Assert.True((await rig.Slack.SocketMode.PushEventAsync(body, retry)).Acked);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, (await rig.Sender.SendEventAsync(rig.Events, body, retry)).StatusCode);
    }

    private static BotReply Reply(SlackMessageView m) =>
        new(m.Ts, BotReply.TextOf(m.Text, m.BlocksJson, m.AttachmentsJson), BotReply.ButtonsOf(m.BlocksJson, m.AttachmentsJson));
}
