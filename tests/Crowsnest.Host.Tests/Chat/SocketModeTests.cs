using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Host.Chat.Slack;
using Crowsnest.Host.Chat.Slack.SocketMode;
using Crowsnest.Storage;
using Crowsnest.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>Slack Socket Mode against the Slack emulator: connect, acknowledge, dispatch, reconnect, refuse a bad token.</summary>
public sealed class SocketModeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Connects_acknowledges_and_dispatches_each_kind_of_envelope_then_reconnects_after_disconnect()
    {
        await using var slack = await SlackEmulator.StartAsync();
        var inbound = new RecordingSlackInbound();
        await using var host = await StartAsync(slack, inbound);
        using var timeout = new CancellationTokenSource(Patience);
        var ws = slack.Options.Workspace;
        await Register(host.Store, ws.TeamId, ws.AppToken);

        await slack.SocketMode.WaitForConnectionsAsync(1, timeout.Token);
        var sender = new SlackEventSender(new HttpClient(), "unused-signing-secret", TimeProvider.System, ws);

        var eventAck = await slack.SocketMode.PushEventAsync(sender.AppMention("C01ALERTS", "U01ALICE", "cloudwatch describe-alarms"), retryAttempt: 1, cancellationToken: timeout.Token);
        Assert.True(eventAck.Acked);
        Assert.Null(eventAck.Payload);
        var (kind, payload, retry) = await inbound.NextAsync(timeout.Token);
        Assert.Equal("event", kind);
        Assert.Equal(1, retry);
        Assert.EndsWith("cloudwatch describe-alarms", payload.GetProperty("event").GetProperty("text").GetString());

        var slashAck = await slack.SocketMode.PushSlashCommandAsync(new JsonObject
        {
            ["api_app_id"] = ws.AppId,
            ["command"] = "/aws",
            ["text"] = "s3api list-buckets",
            ["team_id"] = ws.TeamId,
            ["channel_id"] = "C01ALERTS",
            ["user_id"] = "U01ALICE",
        }, timeout.Token);
        Assert.True(slashAck.Acked);
        Assert.Equal("On it.", slashAck.Payload?["text"]?.GetValue<string>());
        (kind, payload, _) = await inbound.NextAsync(timeout.Token);
        Assert.Equal("slash", kind);
        Assert.Equal("s3api list-buckets", payload.GetProperty("text").GetString());

        var clickAck = await slack.SocketMode.PushInteractiveAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["api_app_id"] = ws.AppId,
            ["team"] = new JsonObject { ["id"] = ws.TeamId },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "crowsnest.run", ["value"] = "v" }),
        }, timeout.Token);
        Assert.True(clickAck.Acked);
        (kind, payload, _) = await inbound.NextAsync(timeout.Token);
        Assert.Equal("interaction", kind);
        Assert.Equal("block_actions", payload.GetProperty("type").GetString());

        await slack.SocketMode.DisconnectAllAsync("refresh_requested", timeout.Token);
        await slack.SocketMode.WaitForConnectionsAsync(2, timeout.Token);
        var afterAck = await slack.SocketMode.PushEventAsync(sender.AppMention("C01ALERTS", "U02BOB", "sns list-topics"), cancellationToken: timeout.Token);
        Assert.True(afterAck.Acked);
        Assert.Equal(2, afterAck.Connection);
        (_, payload, _) = await inbound.NextAsync(timeout.Token);
        Assert.EndsWith("sns list-topics", payload.GetProperty("event").GetProperty("text").GetString());
        Assert.Equal(2, slack.SocketMode.Opened);
        Assert.All(slack.SocketMode.Acks, a => Assert.True(a.Acked));
        var link = host.App.Services.GetRequiredService<SocketModeStatus>().Of(ws.TeamId);
        Assert.Equal(SocketModeState.Connected, link?.State);
    }

    [Fact]
    public async Task A_refused_app_token_stops_with_a_clear_state_and_is_not_retried()
    {
        await using var slack = await SlackEmulator.StartAsync();
        await using var host = await StartAsync(slack, new RecordingSlackInbound());
        using var timeout = new CancellationTokenSource(Patience);
        var team = slack.Options.Workspace.TeamId;
        await Register(host.Store, team, "xapp-1-A0APP0001-not-the-right-token");

        var status = host.App.Services.GetRequiredService<SocketModeStatus>();
        var link = await status.WaitAsync(team, l => l.State == SocketModeState.Refused, timeout.Token);

        Assert.Equal("invalid_auth", link.Problem);
        await slack.Received.WaitForAsync(r => r.Operation == "apps.connections.open", timeout.Token);
        Assert.Equal(0, slack.SocketMode.Opened);
        Assert.Equal(0, slack.SocketMode.Connections);
        var calls = slack.Received.All().Where(r => r.Operation == "apps.connections.open").ToList();
        Assert.Single(calls);
        Assert.Equal("invalid_auth", calls[0].Error);

        // Replacing the token reconnects.
        await Register(host.Store, team, slack.Options.Workspace.AppToken);
        await slack.SocketMode.WaitForConnectionsAsync(1, timeout.Token);
        await status.WaitAsync(team, l => l.State == SocketModeState.Connected, timeout.Token);
    }

    [Fact]
    public void Backoff_is_immediate_after_a_hand_over_then_doubles_up_to_the_maximum()
    {
        var max = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.Zero, ReconnectBackoff.For(0, max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), ReconnectBackoff.For(1, max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(8), ReconnectBackoff.For(4, max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(30), ReconnectBackoff.For(20, max, 0.5));
        Assert.InRange(ReconnectBackoff.For(20, max, 1), TimeSpan.FromSeconds(35.9), TimeSpan.FromSeconds(36.1));
    }

    private static Task<TestHost> StartAsync(SlackEmulator slack, ISlackInbound inbound) =>
        TestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Delivery:SlackApiUrl"] = slack.ApiUrl.ToString(),
                ["Api:SnapshotPollInterval"] = "00:00:00.100",
                ["SocketMode:MaxBackoff"] = "00:00:02",
            },
            configureServices: services => services.AddSingleton(inbound));

    private static async Task Register(IStore store, string teamId, string appToken)
    {
        var now = DateTimeOffset.UtcNow;
        var document = new SlackWorkspaceDocument { SlackTeamId = teamId, SlackTeamName = "Test", SocketMode = true };
        var secrets = new SlackWorkspaceSecrets { BotToken = "xoxb-1-emulator-bot-token", SigningSecret = "0123456789abcdef0123456789abcdef", AppToken = appToken };
        var record = new ResourceRecord(ResourceKinds.SlackWorkspace, teamId, teamId, ConfigurationJson.Write(document), ConfigurationJson.Write(secrets), 0, now, now);
        var existing = await store.Resources.GetAsync(ResourceKinds.SlackWorkspace, teamId, CancellationToken.None);
        var result = existing is null
            ? await store.Resources.CreateAsync(record, CancellationToken.None)
            : await store.Resources.UpdateAsync(record, existing.Version, CancellationToken.None);
        Assert.Equal(ResourceWriteResult.Ok, result);
    }
}
