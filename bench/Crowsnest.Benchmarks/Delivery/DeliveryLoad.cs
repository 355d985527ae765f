using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications;
using Crowsnest.Notifications.Deliver;
using Crowsnest.Notifications.Process;
using Crowsnest.Notifications.Recognize;
using Crowsnest.Storage;
using Crowsnest.Channels.Slack;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Benchmarks.Delivery;

/// <summary>
/// End-to-end delivery runs (not BenchmarkDotNet): inbox → processing → delivery worker → Slack emulator, in process,
/// on a SQLite store. <c>fanout</c>: notifications across N channels at a rate, latency from inbox to emulator receipt.
/// <c>storm</c>: findings to one channel; every finding visible, Slack calls within the channel's rate limit.
/// </summary>
internal static partial class DeliveryLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.ElementAtOrDefault(1) ?? "fanout";
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        var storm = mode == "storm";
        var channels = storm ? 1 : Arg("--channels", 1000);
        var rate = Arg("--rate", storm ? 5000 / 60 : 1000);
        var seconds = Arg("--seconds", storm ? 60 : 10);
        var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions
        {
            AnyChannel = true,
            // Per-channel limits stay as Slack documents them; the workspace limit is opened up for the fan-out run.
            Limits = new Crowsnest.TestKit.Slack.SlackLimits { WorkspacePostsPerSecond = 100_000, WorkspacePostsBurst = 100_000, TierMultiplier = 100 },
        });
        var path = Path.Combine(Path.GetTempPath(), $"crowsnest-bench-{Guid.NewGuid():N}.db");
        await using var store = StoreFactory.OpenSqlite(path, new PlainProtector(), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        var records = new List<ResourceRecord> { Workspace(slack) };
        for (var c = 0; c < channels; c++)
        {
            records.Add(Channel(slack.Options.Workspace.TeamId, c));
        }
        var snapshot = ConfigSnapshotBuilder.Build(1, records).Snapshot ?? throw new InvalidOperationException("invalid bench configuration");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(15) };
        IChatChannel[] adapters = [new SlackApiChannel(http, _ => slack.BotToken, TimeProvider.System, slack.ApiUrl)];
        var limits = DeliveryRateLimits.Default with { SlackWorkspace = null };
        var processor = new NotificationProcessor(store, EventCatalog.Default, () => snapshot, TimeProvider.System);
        var worker = new DeliveryWorker(store, adapters, () => snapshot, new TargetRateLimiter(TimeProvider.System, limits), TimeProvider.System, limits: limits);
        using var stop = new CancellationTokenSource();
        var loops = new List<Task> { Loop(() => processor.RunOnceAsync("bench", 200, stop.Token), stop.Token) };
        loops.AddRange(Enumerable.Range(0, Arg("--delivery-loops", 4)).Select(_ => Loop(() => worker.RunOnceAsync("bench", stop.Token), stop.Token)));

        var total = rate * seconds;
        var clock = Stopwatch.StartNew();
        // Accepts run concurrently, as concurrent POSTs would: the inbox's group commit takes whatever has arrived.
        var accepts = new List<Task<bool>>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var body = Custom(i, DateTimeOffset.UtcNow, storm);
            var notification = new Notification
            {
                MessageId = $"bench-{i}",
                Source = NotificationSource.Sns,
                TopicArn = Topic(i % channels),
                Body = body,
                ReceivedAt = DateTimeOffset.UtcNow,
            };
            accepts.Add(store.Inbox.AcceptAsync(notification, CancellationToken.None).AsTask());
        }
        await Task.WhenAll(accepts);
        var sent = clock.Elapsed;
        var seen = new HashSet<int>();
        var latencies = new List<double>();
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(120);
        while (seen.Count < total && clock.Elapsed < deadline)
        {
            await Task.Delay(250);
            seen.Clear();
            latencies.Clear();
            foreach (var write in slack.Received.AcceptedWrites())
            {
                foreach (Match m in Marker().Matches(write.Body))
                {
                    if (seen.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
                    {
                        latencies.Add((write.At - new DateTimeOffset(long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), TimeSpan.Zero)).TotalMilliseconds);
                    }
                }
            }
        }
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        latencies.Sort();
        var stats = slack.Received.Stats();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: {total} notifications to {channels} channels at {rate}/s; sent in {sent.TotalSeconds:F1} s; visible {seen.Count}/{total} after {elapsed.TotalSeconds:F1} s"));
        if (latencies.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency inbox → emulator: p50 {latencies[latencies.Count / 2]:F0} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F0} ms; slack posts {stats.AcceptedWrites}, 429s {stats.ByStatus.GetValueOrDefault("429")}"));
        }
        await slack.DisposeAsync();
        File.Delete(path);
        return seen.Count == total ? 0 : 1;
    }

    private static async Task Loop(Func<Task<int>> pass, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await pass() == 0)
                {
                    await Task.Delay(PollMilliseconds, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>The idle poll of both loops (the host's <c>Delivery:PollInterval</c>).</summary>
    private const int PollMilliseconds = 5;

    private static string Topic(int channel) => string.Create(CultureInfo.InvariantCulture, $"arn:aws:sns:us-east-1:123456789012:bench-{channel}");

    private static string Custom(int i, DateTimeOffset at, bool finding) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "1.0",
        ["source"] = "custom",
        ["content"] = new Dictionary<string, object>
        {
            ["title"] = string.Create(CultureInfo.InvariantCulture, $"{(finding ? "Finding" : "Event")} #{i}#{at.UtcTicks}#"),
            ["description"] = "bench",
        },
    });

    private static ResourceRecord Workspace(SlackEmulator slack) => new(ResourceKinds.SlackWorkspace, slack.Options.Workspace.TeamId, slack.Options.Workspace.TeamId,
        ConfigurationJson.Write(new SlackWorkspaceDocument { SlackTeamId = slack.Options.Workspace.TeamId, SlackTeamName = "bench" }),
        ConfigurationJson.Write(new SlackWorkspaceSecrets { BotToken = slack.BotToken, SigningSecret = "0123456789abcdef0123" }), 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static ResourceRecord Channel(string team, int c)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"bench-{c}");
        var document = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = $"arn:aws:chatbot::123456789012:chat-configuration/slack-channel/{name}",
            ConfigurationName = name,
            TargetType = TargetTypes.SlackChannel,
            SlackTeamId = team,
            SlackChannelId = string.Create(CultureInfo.InvariantCulture, $"C{c:D8}"),
            IamRoleArn = "arn:aws:iam::123456789012:role/bench",
            SnsTopicArns = [Topic(c)],
        };
        return new ResourceRecord(ResourceKinds.Configuration, document.ChatConfigurationArn, name, ConfigurationJson.Write(document), null, 1,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
    }

    [GeneratedRegex(@"#(\d+)#(\d+)#")]
    private static partial Regex Marker();

    private sealed class PlainProtector : ISecretProtector
    {
        public byte[] Protect(string plaintext) => Encoding.UTF8.GetBytes(plaintext);

        public string Unprotect(byte[] ciphertext) => Encoding.UTF8.GetString(ciphertext);
    }
}
