using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Deliver;
using Crowsnest.Storage;

namespace Crowsnest.Host.Tests.Delivery;

/// <summary>The delivery worker's per-target gates last only as long as some configuration sends to the target.</summary>
public sealed class DeliveryGateTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crowsnest-gates-").FullName;

    [Fact]
    public async Task A_target_no_configuration_sends_to_any_more_loses_its_gate_at_the_next_configuration_change()
    {
        await using var store = StoreFactory.OpenSqlite(Path.Combine(_directory, "crowsnest.db"), new NoSecrets(), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        var snapshot = Snapshot(1, "C1", "C2");
        var worker = new DeliveryWorker(store, [], () => snapshot, new TargetRateLimiter(TimeProvider.System, DeliveryRateLimits.Default), TimeProvider.System);
        var due = DateTimeOffset.UtcNow.AddMinutes(-1);
        await store.Outbox.EnqueueAsync(
            [new NewDelivery("n1", "slack:T1:C1", Arn("C1"), null, "{}", due), new NewDelivery("n2", "slack:T1:C2", Arn("C2"), null, "{}", due)],
            CancellationToken.None);

        Assert.Equal(2, await worker.RunOnceAsync("w", CancellationToken.None));
        Assert.Equal(2, worker.GateCount);

        snapshot = Snapshot(2, "C2");
        Assert.Equal(0, await worker.RunOnceAsync("w", CancellationToken.None));
        Assert.Equal(1, worker.GateCount);

        snapshot = Snapshot(3);
        await worker.RunOnceAsync("w", CancellationToken.None);
        Assert.Equal(0, worker.GateCount);
    }

    private static string Arn(string channel) => $"arn:aws:chatbot::000000000000:chat-configuration/slack-channel/{channel}";

    private static ConfigSnapshot Snapshot(long stamp, params string[] channels) => ConfigSnapshotBuilder.Build(stamp, [.. channels.Select(channel =>
    {
        var document = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = Arn(channel),
            ConfigurationName = channel,
            TargetType = TargetTypes.SlackChannel,
            SlackTeamId = "T1",
            SlackChannelId = channel,
            IamRoleArn = "arn:aws:iam::123456789012:role/r",
            SnsTopicArns = ["arn:aws:sns:us-east-1:123456789012:alarms"],
        };
        return new ResourceRecord(ResourceKinds.Configuration, document.ChatConfigurationArn, channel, ConfigurationJson.Write(document), null, 1,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
    })]).Snapshot!;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
