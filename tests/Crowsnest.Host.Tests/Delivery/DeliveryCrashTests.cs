using System.Globalization;
using Crowsnest.Notifications.Process;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Crowsnest.TestKit.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Crowsnest.Testing.TestConfigurations;

namespace Crowsnest.Host.Tests.Delivery;

/// <summary>
/// The real executable killed with SIGKILL mid-run: after a restart (or on the surviving instance of two sharing one
/// PostgreSQL) every queued delivery arrives. Sized at 2,000 deliveries by default; <c>bench/delivery-crash.sh</c> runs
/// the same tests with 10,000 (<c>CROWSNEST_CRASH_PER_TARGET=1000</c>).
/// </summary>
public sealed class DeliveryCrashTests(ITestOutputHelper output)
{
    private const int Targets = 10;
    private static readonly int PerTarget = int.Parse(System.Environment.GetEnvironmentVariable("CROWSNEST_CRASH_PER_TARGET") ?? "200", CultureInfo.InvariantCulture);
    private const string Secret = "0123456789abcdef-signing";

    private static readonly Dictionary<string, string> ProcessSettings = new()
    {
        ["CROWSNEST_DELIVERY__LEASE"] = "00:00:15",
        ["CROWSNEST_DELIVERY__SENDTIMEOUT"] = "00:00:05",
        ["CROWSNEST_DELIVERY__BATCHSIZE"] = "50",
        ["CROWSNEST_DELIVERY__DIGESTS"] = "false",
    };

    [Fact]
    public async Task Killed_with_deliveries_queued_then_restarted_every_delivery_arrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var directory = TestHost.NewDataDirectory();
        await QueueAsync(receiver, Path.Combine(directory, "data"), []);
        var listen = $"http://127.0.0.1:{FreePort.Next()}";

        await using (var first = CrowsnestProcess.Start(ProcessSettings, directory, "serve", "--listen", listen))
        {
            await Eventually.WaitAsync(() => Task.FromResult(receiver.Received.Stats().AcceptedWrites), n => n >= 300, TimeSpan.FromSeconds(120), "the first deliveries");
            first.Process.Kill();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        var atKill = receiver.Received.Stats().DistinctAcceptedWrites;
        await using var second = CrowsnestProcess.Start(ProcessSettings, directory, "serve", "--listen", listen);
        var stats = await Eventually.WaitAsync(() => Task.FromResult(receiver.Received.Stats()), s => s.DistinctAcceptedWrites == Targets * PerTarget,
            TimeSpan.FromSeconds(180 + (PerTarget / 10)), "every delivery after the restart");

        Assert.True(atKill < Targets * PerTarget, "the kill came before the work was done");
        output.WriteLine($"delivered before the kill: {atKill}; duplicates (in flight at the kill): {stats.DuplicateWrites}");
        Assert.True(stats.DuplicateWrites <= 50 * 2, $"{stats.DuplicateWrites} duplicates: more than the killed worker had in flight");
    }

    [Fact]
    public async Task Two_instances_on_one_postgres_one_killed_the_other_finishes_without_sending_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var connection = await PostgresDatabase.CreateAsync();
        var store = new Dictionary<string, string?> { ["Store:Kind"] = "postgres", ["Store:ConnectionString"] = connection, ["Secrets:KeyStore"] = "database" };
        await QueueAsync(receiver, TestHost.NewDataDirectory(), store);
        var environment = new Dictionary<string, string>(ProcessSettings) { ["CROWSNEST_SECRETS__KEYSTORE"] = "database" };
        string[] Args() => ["serve", "--store", "postgres", "--connection-string", connection, "--listen", $"http://127.0.0.1:{FreePort.Next()}"];

        await using var survivor = CrowsnestProcess.Start(environment, TestHost.NewDataDirectory(), Args());
        await using (var victim = CrowsnestProcess.Start(environment, TestHost.NewDataDirectory(), Args()))
        {
            await Eventually.WaitAsync(() => Task.FromResult(receiver.Received.Stats().AcceptedWrites), n => n >= 300, TimeSpan.FromSeconds(120), "the first deliveries");
            victim.Process.Kill();
            await victim.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        var stats = await Eventually.WaitAsync(() => Task.FromResult(receiver.Received.Stats()), s => s.DistinctAcceptedWrites == Targets * PerTarget,
            TimeSpan.FromSeconds(180 + (PerTarget / 10)), "every delivery on the surviving instance");

        output.WriteLine($"accepted writes {stats.AcceptedWrites}, distinct {stats.DistinctAcceptedWrites}, duplicates {stats.DuplicateWrites}");
        // Only what the killed instance had in flight may arrive twice (its outcome was unknown); the outbox never hands one delivery to both.
        Assert.True(stats.DuplicateWrites <= 50 * 2, $"{stats.DuplicateWrites} duplicates");
    }

    /// <summary>Configures <see cref="Targets"/> webhook targets and queues their deliveries with the workers off.</summary>
    private static async Task QueueAsync(WebhookReceiver receiver, string dataDirectory, Dictionary<string, string?> settings)
    {
        settings["Delivery:Enabled"] = "false";
        await using var prep = await TestHost.StartAsync(settings, dataDirectory);
        for (var t = 0; t < Targets; t++)
        {
            await prep.Store.Resources.CreateAsync(Webhook($"hook{t}", receiver.CreateEndpoint(Secret).ToString(), Secret), CancellationToken.None);
        }
        var source = prep.App.Services.GetRequiredService<Crowsnest.Configuration.Snapshot.ConfigSnapshotSource>();
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(Targets, source.Current.Configurations.Count);
        for (var i = 0; i < PerTarget; i++)
        {
            await prep.Store.Inbox.AcceptAsync(Sns(Custom(string.Create(CultureInfo.InvariantCulture, $"event {i}"))), CancellationToken.None);
        }
        var processor = prep.App.Services.GetRequiredService<NotificationProcessor>();
        while (await processor.RunOnceAsync("prep", 100, CancellationToken.None) > 0)
        {
        }
        var pending = (await prep.Store.Outbox.CountByStateAsync(CancellationToken.None)).Where(c => c.State == DeliveryState.Pending).Sum(c => c.Count);
        Assert.Equal(Targets * PerTarget, pending);
    }
}
