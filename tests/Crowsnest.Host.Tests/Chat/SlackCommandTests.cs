using System.Net;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// Slack → Crowsnest → moto → Slack over the Events API: signed deliveries and button presses from
/// <see cref="TestKit.Slack.SlackEventSender"/>, replies read back from the Slack emulator.
/// </summary>
public sealed class SlackCommandTests(ChatRig rig) : ChatCommandScenarios(rig, new SlackDriver(rig, socketMode: false)), IClassFixture<ChatRig>
{
    [Fact]
    public async Task The_full_json_of_a_read_only_command_is_shared_as_a_file_in_the_same_thread()
    {
        await PutAlarmAsync($"file-{Rig.Suffix}");

        var (ts, response, _) = await Rig.MentionAsync(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-names file-{Rig.Suffix}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await Rig.BotRepliesAsync(ts, 2);
        Assert.Contains("I ran the read-only command `aws cloudwatch describe-alarms", SlackText.Of(replies[0]), StringComparison.Ordinal);
        var file = Assert.Single(Assert.Single(replies, r => r.FileIds.Count > 0).FileIds);
        Assert.Contains(Rig.Slack.State.Files(), f => f.Id == file && f.Completed && f.FileName == "output.txt");
    }
}
