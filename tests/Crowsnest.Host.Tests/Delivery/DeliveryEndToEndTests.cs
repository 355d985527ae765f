using System.Text.Json;
using Crowsnest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Crowsnest.Testing.TestConfigurations;

namespace Crowsnest.Host.Tests.Delivery;

/// <summary>Notification in the inbox → the real host's workers → every platform's emulator, in its own format.</summary>
public sealed class DeliveryEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Each_target_gets_its_platform_format_and_an_alarms_ok_edits_and_threads_under_its_alarm()
    {
        await using var rig = await DeliveryRig.StartAsync();
        await using var host = await TestHost.StartAsync(rig.Settings());
        await rig.ConfigureAsync(host.Store);
        await WaitForSnapshotAsync(host);

        await host.Store.Inbox.AcceptAsync(Sns(Custom("Deploy **42** finished", title: "Deploy done")), CancellationToken.None);
        await host.Store.Inbox.AcceptAsync(Sns(Alarm("cpu-high", "ALARM", "OK")), CancellationToken.None);
        await host.Store.Inbox.AcceptAsync(Sns(Alarm("cpu-high", "OK", "ALARM")), CancellationToken.None);
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == 18, TimeSpan.FromSeconds(60), "18 deliveries");
        Assert.Equal(0, await Eventually.CountAsync(host.Store, DeliveryState.Dead));

        var top = rig.Slack.State.Messages("C01ALERTS").Where(m => !m.IsReply).ToList();
        // Two top-level API posts (the custom one and the alarm) and three from the incoming webhook.
        Assert.Equal(5, top.Count);
        var alarm = Assert.Single(top, m => m.ReplyCount == 1);
        Assert.Equal(1, alarm.EditCount);
        Assert.Contains("OK", alarm.BlocksJson ?? alarm.Text, StringComparison.Ordinal);
        var reply = Assert.Single(rig.Slack.State.Thread("C01ALERTS", alarm.Ts), m => m.IsReply);
        Assert.Contains("OK", reply.BlocksJson ?? reply.Text, StringComparison.Ordinal);

        var teams = rig.Teams.Received.AcceptedWrites();
        Assert.Equal(3, teams.Count);
        Assert.All(teams, t => Assert.Contains("application/vnd.microsoft.card.adaptive", t.Body, StringComparison.Ordinal));
        var chime = rig.Chime.Received.AcceptedWrites();
        Assert.Equal(3, chime.Count);
        Assert.All(chime, c => Assert.True(JsonDocument.Parse(c.Body).RootElement.TryGetProperty("Content", out _)));
        var hooks = rig.Webhook.Received.AcceptedWrites();
        Assert.Equal(3, hooks.Count);
        Assert.All(hooks, h => Assert.True(h.Headers.ContainsKey("X-Crowsnest-Signature")));
        var console = await host.Store.Outbox.ListAsync(new DeliveryQuery(State: DeliveryState.Delivered, TargetKey: "console:inbox"), CancellationToken.None);
        Assert.Equal(3, console.Count);
        output.WriteLine($"slack {rig.Slack.Received.Stats().AcceptedWrites} writes, teams {teams.Count}, chime {chime.Count}, webhook {hooks.Count}, console {console.Count}");
    }

    [Fact]
    public async Task With_30_percent_failures_and_a_10_second_outage_every_delivery_arrives()
    {
        const int Notifications = 20;
        await using var rig = await DeliveryRig.StartAsync();
        await using var host = await TestHost.StartAsync(rig.Settings(new() { ["Delivery:Digests"] = "false", ["Delivery:SendTimeout"] = "00:00:05" }));
        await rig.ConfigureAsync(host.Store);
        await WaitForSnapshotAsync(host);
        rig.InjectFaults(0.3, TimeSpan.FromSeconds(10));

        for (var i = 0; i < Notifications; i++)
        {
            await host.Store.Inbox.AcceptAsync(Sns(Custom($"event {i}", threadId: $"t{i}")), CancellationToken.None);
        }
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == Notifications * 6, TimeSpan.FromSeconds(240),
            "every delivery");
        Assert.Equal(0, await Eventually.CountAsync(host.Store, DeliveryState.Dead));

        var stats = rig.Receivers.Select(r => r.Stats()).ToList();
        // Every message reached its receiver (distinct delivery ids); duplicates can only follow a timeout whose outcome was unknown.
        Assert.All(stats, s => Assert.True(s.DistinctAcceptedWrites >= Notifications, $"{s.DistinctAcceptedWrites} distinct writes"));
        Assert.True(stats.Sum(s => s.Faults) > 0);
        output.WriteLine($"faults answered: {stats.Sum(s => s.Faults)}; duplicates seen by receivers: {stats.Sum(s => s.DuplicateWrites)}");
    }

    [Fact]
    public async Task A_storm_to_one_channel_is_grouped_into_digests_and_every_event_stays_visible()
    {
        const int Events = 30;
        await using var rig = await DeliveryRig.StartAsync();
        await using var host = await TestHost.StartAsync(rig.Settings());
        await rig.ConfigureAsync(host.Store);
        await WaitForSnapshotAsync(host);

        for (var i = 0; i < Events; i++)
        {
            await host.Store.Inbox.AcceptAsync(Sns(Custom($"storm event {i}", title: $"Finding F{i:D2}")), CancellationToken.None);
        }
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == Events * 6, TimeSpan.FromSeconds(120), "every delivery");

        var slack = string.Join("\n", rig.Slack.State.Messages("C01ALERTS").Select(m => m.BlocksJson + m.AttachmentsJson + m.Text));
        var chime = string.Join("\n", rig.Chime.Received.AcceptedWrites().Select(w => w.Body));
        for (var i = 0; i < Events; i++)
        {
            Assert.Contains($"Finding F{i:D2}", slack, StringComparison.Ordinal);
            Assert.Contains($"Finding F{i:D2}", chime, StringComparison.Ordinal);
        }
        // Each digest's full details follow it as a file shared into its thread, through the upload flow.
        var digestFiles = rig.Slack.State.Files().Where(f => f.FileName == "events.txt").ToList();
        Assert.NotEmpty(digestFiles);
        Assert.All(digestFiles, f => Assert.Equal((true, "C01ALERTS"), (f.Completed, f.Channel)));
        Assert.Contains("Finding F", string.Join("", digestFiles.Select(f => System.Text.Encoding.UTF8.GetString(rig.Slack.State.FileBytes(f.Id)!))), StringComparison.Ordinal);
        var posts = rig.Slack.Received.AcceptedWrites().Count(w => w.Operation == "chat.postMessage");
        Assert.True(posts < Events, $"{posts} Slack posts for {Events} events: nothing was grouped");
        Assert.Equal(0, rig.Slack.Received.Stats().ByStatus.GetValueOrDefault("429"));
        output.WriteLine($"{Events} events → {posts} Slack posts, {rig.Chime.Received.AcceptedWrites().Count} Chime posts");
    }

    [Fact]
    public async Task A_steady_stream_of_findings_is_grouped_into_digests_once_the_rate_limit_is_reached_and_updates_still_edit()
    {
        const int Events = 60;
        await using var rig = await DeliveryRig.StartAsync();
        await using var host = await TestHost.StartAsync(rig.Settings());
        await rig.ConfigureAsync(host.Store);
        await WaitForSnapshotAsync(host);
        await host.Store.Inbox.AcceptAsync(Sns(GuardDutyFinding("first", "Finding first seen")), CancellationToken.None);
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == 6, TimeSpan.FromSeconds(30), "the first finding");

        // 40 a second, one at a time: every pass leases only a few, yet the channel takes one message a second.
        // Halfway, the first finding is seen again: its message is edited in place, not folded into a digest.
        for (var i = 0; i < Events; i++)
        {
            await host.Store.Inbox.AcceptAsync(Sns(GuardDutyFinding($"f-{i}", $"Finding S{i:D2} unprotected port probed")), CancellationToken.None);
            if (i == Events / 2)
            {
                await host.Store.Inbox.AcceptAsync(Sns(GuardDutyFinding("first", "Finding first seen", count: 7)), CancellationToken.None);
            }
            await Task.Delay(25);
        }
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == (Events + 2) * 6, TimeSpan.FromSeconds(120), "every delivery");

        var slack = string.Join("\n", rig.Slack.State.Messages("C01ALERTS").Select(m => m.BlocksJson + m.AttachmentsJson + m.Text));
        var chime = string.Join("\n", rig.Chime.Received.AcceptedWrites().Select(w => w.Body));
        for (var i = 0; i < Events; i++)
        {
            Assert.Contains($"Finding S{i:D2}", slack, StringComparison.Ordinal);
            Assert.Contains($"Finding S{i:D2}", chime, StringComparison.Ordinal);
        }
        var first = Assert.Single(rig.Slack.State.Messages("C01ALERTS"), m => !m.IsReply && m.ReplyCount > 0 && (m.BlocksJson + m.Text).Contains("Finding first seen", StringComparison.Ordinal));
        Assert.Equal(1, first.EditCount);
        var posts = rig.Slack.Received.AcceptedWrites().Count(w => w.Operation == "chat.postMessage");
        var chimePosts = rig.Chime.Received.AcceptedWrites().Count;
        output.WriteLine($"{Events} findings over {Events * 25} ms → {posts} Slack posts, {chimePosts} Chime posts");
        Assert.True(posts <= Events / 4, $"{posts} Slack posts for {Events} findings streamed at 40/s to a channel that takes 1/s");
        Assert.True(chimePosts <= Events / 4, $"{chimePosts} Chime posts for {Events} findings streamed at 40/s to a webhook that takes 1/s");
        Assert.Equal(0, rig.Slack.Received.Stats().ByStatus.GetValueOrDefault("429"));
    }

    [Fact]
    public async Task Under_a_long_stream_the_backlog_goes_out_in_digests_while_findings_still_arrive()
    {
        const int Events = 500;
        await using var rig = await DeliveryRig.StartAsync();
        await using var host = await TestHost.StartAsync(rig.Settings());
        await rig.ConfigureAsync(host.Store);
        await WaitForSnapshotAsync(host);

        // About 100 a second for 5 s to a channel that takes one message a second, past what one digest a second
        // lists: each second's digest must carry what waited longest, not leave it behind newcomers until the stream stops.
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var burst = 0; burst < Events / 20; burst++)
        {
            var next = Task.Delay(200);
            await Task.WhenAll(Enumerable.Range(burst * 20, 20).Select(i =>
                host.Store.Inbox.AcceptAsync(Sns(GuardDutyFinding($"l-{i}", $"Finding L{i:D3} port probed")), CancellationToken.None).AsTask()));
            await next;
        }
        var slackWhileStreaming = string.Join("\n", rig.Slack.State.Messages("C01ALERTS").Select(m => m.BlocksJson + m.AttachmentsJson + m.Text));
        var waiting = Enumerable.Range(0, Events / 4).Where(i => !slackWhileStreaming.Contains($"Finding L{i:D3}", StringComparison.Ordinal)).ToList();
        output.WriteLine($"when the last of {Events} findings arrived after {started.ElapsedMilliseconds} ms, {waiting.Count} of the first {Events / 4} were not yet in Slack");
        Assert.True(waiting.Count == 0, $"findings of the stream's first quarter still waiting when it ended: L{string.Join(", L", waiting.Take(10))}");

        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == Events * 6, TimeSpan.FromSeconds(120), "every delivery");
        Assert.Equal(0, rig.Slack.Received.Stats().ByStatus.GetValueOrDefault("429"));
    }

    [Fact]
    public async Task A_delivery_whose_configuration_was_deleted_is_dead_lettered_and_the_others_still_go()
    {
        await using var rig = await DeliveryRig.StartAsync();
        await using var host = await TestHost.StartAsync(rig.Settings());
        await rig.ConfigureAsync(host.Store);
        await WaitForSnapshotAsync(host);

        var gone = Arn("slack-channel", "deleted-meanwhile");
        var payload = new Crowsnest.Notifications.Deliver.DeliveryPayload
        {
            Message = new Crowsnest.Messages.ChatMessage { EventType = "custom", Title = "Orphan" },
            ConfigurationArn = gone,
            TargetKey = "slack:T01CROWSNEST:C0GONE",
        };
        await host.Store.Outbox.EnqueueAsync([new NewDelivery("orphan", payload.TargetKey, gone, null, payload.ToJson(), DateTimeOffset.UtcNow)], CancellationToken.None);
        await host.Store.Inbox.AcceptAsync(Sns(Custom("still delivered", title: "Next one")), CancellationToken.None);

        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == 6, TimeSpan.FromSeconds(30), "the next notification's deliveries");
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Dead), n => n == 1, TimeSpan.FromSeconds(30), "the orphan's dead letter");
        var dead = Assert.Single(await host.Store.Outbox.ListAsync(new DeliveryQuery(State: DeliveryState.Dead), CancellationToken.None));
        Assert.Equal("orphan", dead.NotificationId);
        Assert.Contains("no longer exists", dead.LastError, StringComparison.Ordinal);
    }

    private static Task WaitForSnapshotAsync(TestHost host) =>
        Eventually.WaitAsync(() => Task.FromResult(host.App.Services.GetRequiredService<Crowsnest.Configuration.Snapshot.ConfigSnapshotSource>().Current.Configurations.Count),
            n => n == 6, TimeSpan.FromSeconds(20), "the configuration snapshot");
}
