using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// The command dialogues over Slack Socket Mode, and what stands in for a forged request there: an envelope on the
/// connection that names another app or another workspace, or one delivered again. (A wrong app token opens no
/// connection at all: <see cref="SocketModeTests"/>.)
/// </summary>
public sealed class SocketModeCommandTests(SocketModeChatRig rig) : ChatCommandScenarios(rig, new SlackDriver(rig, socketMode: true)), IClassFixture<SocketModeChatRig>
{
    private readonly SlackDriver _slack = new(rig, socketMode: true);

    [Fact]
    public async Task An_envelope_naming_another_app_or_a_workspace_the_token_was_not_registered_for_is_acknowledged_and_never_run()
    {
        // Another workspace, configured for a channel of the same id with the same role, but not with this app token.
        const string Other = "T02OTHER";
        await rig.CreateAsync(TestConfigurations.SlackWorkspace(Other, "xoxb-2-other-workspace-bot-token"));
        await rig.AddSlackConfigurationAsync(Other, $"other-{rig.Suffix}");
        await Eventually.WaitAsync(() => Task.FromResult(rig.Host.App.Services.GetRequiredService<ConfigSnapshotSource>().Current.Configurations.Count),
            n => n == 2, TimeSpan.FromSeconds(20), "the other workspace's configuration");

        var (appTs, otherApp) = rig.Mention(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-names app-{rig.Suffix}");
        otherApp["api_app_id"] = "A0OTHERAPP";
        await _slack.DeliverEventAsync(otherApp);
        var (teamTs, otherTeam) = rig.Mention(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-names team-{rig.Suffix}");
        otherTeam["team_id"] = Other;
        otherTeam["event"]!["team"] = Other;
        await _slack.DeliverEventAsync(otherTeam);
        var press = rig.Press(ChatRig.Alice, appTs, appTs, Crowsnest.Commands.Chat.ChatActionIds.RunCommand, $"cloudwatch describe-alarms --alarm-names press-{rig.Suffix}");
        press["api_app_id"] = "A0OTHERAPP";
        Assert.True((await rig.Slack.SocketMode.PushInteractiveAsync(press)).Acked);

        // A genuine envelope after them is answered, so the queue has moved past anything they could have started.
        var later = await Chat.AskAsync(ChatRig.Alice, "help");
        await Chat.RepliesAsync(later, 1);
        Assert.Empty(rig.BotReplies(appTs));
        Assert.Empty(rig.BotReplies(teamTs));
        Assert.Empty(await AuditAsync($"app-{rig.Suffix}"));
        Assert.Empty(await AuditAsync($"team-{rig.Suffix}"));
        Assert.Empty(await AuditAsync($"press-{rig.Suffix}"));
        Assert.All(rig.Slack.SocketMode.Acks, a => Assert.True(a.Acked));
    }

    [Fact]
    public async Task A_redelivered_envelope_and_the_same_event_over_http_are_not_run_twice()
    {
        var (ts, body) = rig.Mention(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-name-prefix again-{rig.Suffix}");

        await _slack.DeliverEventAsync(body);
        await _slack.DeliverEventAsync(body, retry: 1);
        await new SlackDriver(rig, socketMode: false).DeliverEventAsync(body);

        await rig.BotRepliesAsync(ts, 1);
        var later = await Chat.AskAsync(ChatRig.Alice, "help");
        await Chat.RepliesAsync(later, 1);
        Assert.Single(rig.BotReplies(ts), m => SlackText.Of(m).Contains("I ran the read-only command", StringComparison.Ordinal));
        Assert.Single(await AuditEventuallyAsync($"again-{rig.Suffix}", a => a.Count >= 2), a => a.Outcome == "succeeded");
    }
}
