using System.Net;
using Crowsnest.TestKit.Teams;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>The command dialogues over Teams (Bot Framework emulator), and refused or replayed activities.</summary>
public sealed class TeamsCommandTests(TeamsChatRig rig) : ChatCommandScenarios(rig, new TeamsDriver(rig)), IClassFixture<TeamsChatRig>
{
    public static TheoryData<string> Forgeries => ["other key", "expired", "no token"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task An_activity_with_a_forged_or_expired_token_is_refused_with_401_and_its_command_never_runs(string forgery)
    {
        var alarm = $"forged-{forgery.Replace(' ', '-')}-{rig.Suffix}";
        var message = rig.Teams.Activities.ChannelMessage($"cloudwatch put-metric-alarm --alarm-name {alarm} --metric-name CPUUtilization --namespace AWS/EC2 "
            + "--statistic Average --period 60 --evaluation-periods 1 --threshold 80 --comparison-operator GreaterThanThreshold");
        using var forger = new BotFrameworkSigner(rig.Teams.Module.Signer.Kid, ["msteams"]);

        using var answer = forgery switch
        {
            "other key" => await rig.Teams.SendAsync(rig.TeamsEndpoint, message, new ActivityToken { OtherKey = forger }),
            "expired" => await rig.Teams.SendAsync(rig.TeamsEndpoint, message, new ActivityToken { Shift = TimeSpan.FromHours(-2) }),
            _ => await rig.Http.PostAsync(rig.TeamsEndpoint, new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json")),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        var later = await Chat.AskAsync(Chat.Alice, "help");
        await Chat.RepliesAsync(later, 1);
        Assert.Empty(await Chat.RepliesAsync(message["id"]!.GetValue<string>(), 0));
        Assert.Empty(await AuditAsync(alarm));
    }

    [Fact]
    public async Task An_activity_delivered_twice_is_run_once()
    {
        var message = rig.Teams.Activities.ChannelMessage($"cloudwatch describe-alarms --alarm-name-prefix twice-{rig.Suffix}");
        var thread = message["id"]!.GetValue<string>();

        using (var first = await rig.Teams.SendAsync(rig.TeamsEndpoint, message))
        using (var again = await rig.Teams.SendAsync(rig.TeamsEndpoint, message))
        {
            Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        }

        await Chat.RepliesAsync(thread, 1);
        var later = await Chat.AskAsync(Chat.Alice, "help");
        await Chat.RepliesAsync(later, 1);
        Assert.Single(await Chat.RepliesAsync(thread, 1));
        Assert.Single(await AuditEventuallyAsync($"twice-{rig.Suffix}", a => a.Count >= 2), a => a.Outcome == "succeeded");
    }
}
