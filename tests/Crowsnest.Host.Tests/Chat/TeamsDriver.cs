using System.Net;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.TestKit.Teams;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>Teams through the Bot Framework emulator: signed activities in, replies read from the connector's calls.</summary>
public sealed class TeamsDriver(TeamsChatRig rig) : IChatDriver
{
    public string Alice => TeamsUser.Alice.AadObjectId;

    public string Bob => TeamsUser.Bob.AadObjectId;

    public string ChannelKey => $"teams:{rig.Teams.Options.TenantId}:{TeamsActivities.DefaultChannel}";

    public string Actor(string user) => $"teams:{rig.Teams.Options.TenantId}:{user}";

    public async Task<string> AskAsync(string user, string text)
    {
        var message = rig.Teams.Activities.ChannelMessage(text, from: User(user));
        await SendAsync(message);
        return message["id"]!.GetValue<string>();
    }

    public Task AnswerAsync(string user, string thread, string text) =>
        SendAsync(rig.Teams.Activities.ChannelMessage(text, threadRootId: thread, from: User(user)));

    public async Task<IReadOnlyList<BotReply>> RepliesAsync(string thread, int count) =>
        await Eventually.WaitAsync(() => Task.FromResult(Replies(thread)), r => r.Count >= count, TimeSpan.FromSeconds(30), $"{count} bot replies in {thread}");

    public Task PressAsync(string user, string thread, BotReply reply, ReplyButton button) =>
        SendAsync(rig.Teams.Activities.CardSubmit(reply.Id, thread, button.ActionId, button.Value, from: User(user)));

    public int EditsOf(BotReply reply) => rig.Teams.Module.Calls.Count(c => c.Method == "PUT" && c.ActivityId == reply.Id);

    private List<BotReply> Replies(string thread) =>
        [.. rig.Teams.Module.Calls
            .Where(c => c.Method == "POST" && c.ConversationId == $"{TeamsActivities.DefaultChannel};messageid={thread}")
            .Select(c => Latest(c.Id) ?? c)
            .Select(c => new BotReply(c.Id, BotReply.TextOf(c.Activity.ToJsonString()), BotReply.ButtonsOf(c.Activity.ToJsonString())))];

    // A reply as it is now: the last update of it, if any.
    private ConnectorCall? Latest(string id) => rig.Teams.Module.Calls.LastOrDefault(c => c.Method == "PUT" && c.ActivityId == id);

    private async Task SendAsync(System.Text.Json.Nodes.JsonObject activity)
    {
        using var answer = await rig.Teams.SendAsync(rig.TeamsEndpoint, activity);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
    }

    private TeamsUser User(string id) => id == Bob ? TeamsUser.Bob : TeamsUser.Alice;
}
