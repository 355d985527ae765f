
namespace Crowsnest.Storage.Tests;

public abstract class OutboxContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Due_deliveries_are_leased_once_and_completed_by_their_owner()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1"), NewDelivery("n1", "t2"), NewDelivery("n1", "t1")], None);

        var leased = await Store.Outbox.LeaseDueAsync("a", 10, Lease, None);
        var again = await Store.Outbox.LeaseDueAsync("b", 10, Lease, None);

        Assert.Equal(2, leased.Count);
        Assert.Empty(again);
        Assert.False(await Store.Outbox.CompleteAsync(leased[0].Id, "b", "ts-1", None));
        Assert.True(await Store.Outbox.CompleteAsync(leased[0].Id, "a", "ts-1", None));
        var done = await Store.Outbox.GetAsync(leased[0].Id, None);
        Assert.Equal(DeliveryState.Delivered, done!.State);
        Assert.Equal("ts-1", done.PlatformMessageId);
        Assert.Equal(1, done.Attempts);
    }

    [Fact]
    public async Task Enqueueing_and_replaying_raise_the_deliveries_due_signal()
    {
        var enqueued = Store.Signals.DeliveriesDue.Arm();
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1")], None);
        Assert.True(enqueued.IsCompleted);
        var leased = Assert.Single(await Store.Outbox.LeaseDueAsync("a", 10, Lease, None));
        Assert.True(await Store.Outbox.DeadLetterAsync(leased.Id, "a", "gone", None));

        var replayed = Store.Signals.DeliveriesDue.Arm();
        Assert.False(replayed.IsCompleted);
        Assert.True(await Store.Outbox.ReplayAsync(leased.Id, None));
        Assert.True(replayed.IsCompleted);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_owner_loses_it()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1")], None);
        var first = Assert.Single(await Store.Outbox.LeaseDueAsync("crashed", 10, Lease, None));

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = Assert.Single(await Store.Outbox.LeaseDueAsync("survivor", 10, Lease, None));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempts);
        Assert.False(await Store.Outbox.CompleteAsync(first.Id, "crashed", null, None));
        Assert.True(await Store.Outbox.CompleteAsync(second.Id, "survivor", null, None));
    }

    [Fact]
    public async Task A_lease_left_by_its_owners_failed_pass_is_taken_back_by_that_owner_at_once_but_not_by_another()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1"), NewDelivery("n2", "t2")], None);
        var failedPass = await Store.Outbox.LeaseDueAsync("loop-1", 10, Lease, None);
        Assert.True(await Store.Outbox.CompleteAsync(failedPass.Single(d => d.NotificationId == "n2").Id, "loop-1", null, None));

        // The pass failed before settling n1 (the store went away): another owner must still wait for the lease.
        Assert.Empty(await Store.Outbox.LeaseDueAsync("loop-2", 10, Lease, None));
        var retaken = Assert.Single(await Store.Outbox.LeaseDueAsync("loop-1", 10, Lease, None));

        Assert.Equal(("n1", 2), (retaken.NotificationId, retaken.Attempts));
        Assert.True(await Store.Outbox.CompleteAsync(retaken.Id, "loop-1", null, None));
        Assert.Empty(await Store.Outbox.LeaseDueAsync("loop-1", 10, Lease, None));
    }

    [Fact]
    public async Task Waiting_for_the_rate_limit_is_not_counted_as_an_attempt_but_a_failed_send_is()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1")], None);
        for (var wait = 0; wait < 5; wait++)
        {
            var waiting = Assert.Single(await Store.Outbox.LeaseDueAsync("a", 10, Lease, None));
            Assert.True(await Store.Outbox.DeferAsync(waiting.Id, "a", Time.GetUtcNow().AddSeconds(1), "waiting for the target's rate limit", None));
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var sent = Assert.Single(await Store.Outbox.LeaseDueAsync("a", 10, Lease, None));
        Assert.Equal((1, "waiting for the target's rate limit"), (sent.Attempts, sent.LastError));
        Assert.True(await Store.Outbox.RetryAsync(sent.Id, "a", Time.GetUtcNow(), "HTTP 503", None));
        Assert.Equal(2, Assert.Single(await Store.Outbox.LeaseDueAsync("a", 10, Lease, None)).Attempts);
        Assert.False(await Store.Outbox.DeferAsync(sent.Id, "someone-else", Time.GetUtcNow(), "not theirs", None));
    }

    [Fact]
    public async Task Waking_a_target_makes_its_backed_off_deliveries_due_now_and_no_other_targets()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1"), NewDelivery("n2", "t1"), NewDelivery("n3", "t2")], None);
        foreach (var leased in await Store.Outbox.LeaseDueAsync("a", 10, Lease, None))
        {
            Assert.True(await Store.Outbox.RetryAsync(leased.Id, "a", Time.GetUtcNow().AddMinutes(8), "HTTP 503", None));
        }
        Assert.Empty(await Store.Outbox.LeaseDueAsync("b", 10, Lease, None));

        Assert.Equal(2, await Store.Outbox.WakeTargetAsync("t1", None));

        var due = await Store.Outbox.LeaseDueAsync("b", 10, Lease, None);
        Assert.Equal(["n1", "n2"], due.Select(d => d.NotificationId).Order());
        Assert.All(due, d => Assert.Equal("HTTP 503", d.LastError));
        Assert.Equal(0, await Store.Outbox.WakeTargetAsync("t1", None));
    }

    [Fact]
    public async Task A_thread_goes_out_in_order_one_delivery_at_a_time()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1", "alarm-x"), NewDelivery("n2", "t1", "alarm-x"), NewDelivery("n3", "t2", "alarm-x")], None);

        var firstRound = await Store.Outbox.LeaseDueAsync("a", 10, Lease, None);
        Assert.Equal(["n1", "n3"], firstRound.Select(d => d.NotificationId).Order());

        var n1 = firstRound.Single(d => d.NotificationId == "n1");
        await Store.Outbox.RetryAsync(n1.Id, "a", Time.GetUtcNow().AddSeconds(10), "HTTP 503", None);
        Assert.Empty(await Store.Outbox.LeaseDueAsync("b", 10, Lease, None));

        Time.Advance(TimeSpan.FromSeconds(10));
        var retried = Assert.Single(await Store.Outbox.LeaseDueAsync("b", 10, Lease, None));
        Assert.Equal("n1", retried.NotificationId);
        Assert.Equal("HTTP 503", retried.LastError);
        await Store.Outbox.CompleteAsync(retried.Id, "b", null, None);

        Assert.Equal("n2", Assert.Single(await Store.Outbox.LeaseDueAsync("b", 10, Lease, None)).NotificationId);
    }

    [Fact]
    public async Task A_targets_backlog_is_leased_whatever_its_due_time_but_not_another_targets_or_a_leased_one()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1"), NewDelivery("n2", "t1"), NewDelivery("n3", "t1", "x"), NewDelivery("n4", "t1", "x"), NewDelivery("n5", "t2")], None);
        var first = await Store.Outbox.LeaseDueAsync("a", 1, Lease, None);
        var waiting = Assert.Single(await Store.Outbox.LeaseDueAsync("a2", 1, Lease, None));
        Assert.True(await Store.Outbox.RetryAsync(waiting.Id, "a2", Time.GetUtcNow().AddMinutes(5), "waiting for the target's rate limit", None));

        var backlog = await Store.Outbox.LeaseBacklogAsync("b", "t1", 10, Lease, None);

        // n1 stays with its first owner; n4 waits behind n3 in thread x; t2 is another target.
        Assert.Equal(["n2", "n3"], backlog.Select(d => d.NotificationId).Order());
        Assert.All(backlog, d => Assert.Equal((DeliveryState.Leased, "b"), (d.State, d.LeaseOwner)));
        Assert.Equal(2, backlog.Single(d => d.NotificationId == "n2").Attempts);
        Assert.Equal("n1", Assert.Single(first).NotificationId);
        Assert.Empty(await Store.Outbox.LeaseBacklogAsync("c", "t1", 10, Lease, None));
    }

    [Fact]
    public async Task Dead_letters_are_listed_with_their_error_and_can_be_replayed()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1")], None);
        var leased = Assert.Single(await Store.Outbox.LeaseDueAsync("a", 10, Lease, None));

        Assert.True(await Store.Outbox.DeadLetterAsync(leased.Id, "a", "channel_not_found", None));
        var dead = Assert.Single(await Store.Outbox.ListAsync(new DeliveryQuery(State: DeliveryState.Dead), None));
        Assert.Equal("channel_not_found", dead.LastError);
        Assert.Contains(await Store.Outbox.CountByStateAsync(None), c => c.State == DeliveryState.Dead && c.Count == 1);

        Assert.True(await Store.Outbox.ReplayAsync(leased.Id, None));
        Assert.False(await Store.Outbox.ReplayAsync(leased.Id, None));
        var replayed = Assert.Single(await Store.Outbox.LeaseDueAsync("b", 10, Lease, None));
        Assert.Equal(leased.Id, replayed.Id);
    }

    [Fact]
    public async Task The_payload_of_a_leased_delivery_can_be_replaced()
    {
        await Store.Outbox.EnqueueAsync([NewDelivery("n1", "t1")], None);
        var leased = Assert.Single(await Store.Outbox.LeaseDueAsync("a", 10, Lease, None));

        Assert.True(await Store.Outbox.ReplacePayloadAsync(leased.Id, "a", "{\"digest\":true}", None));
        Assert.False(await Store.Outbox.ReplacePayloadAsync(leased.Id, "other", "{}", None));

        Assert.Equal("{\"digest\":true}", (await Store.Outbox.GetAsync(leased.Id, None))!.Payload);
    }

    [Fact]
    public async Task Concurrent_workers_never_lease_the_same_delivery()
    {
        await Store.Outbox.EnqueueAsync(Enumerable.Range(0, 200).Select(i => NewDelivery($"n{i}", $"t{i % 7}")).ToList(), None);

        var rounds = await Task.WhenAll(Enumerable.Range(0, 4).Select(async w =>
        {
            var mine = new List<long>();
            for (var i = 0; i < 20; i++)
            {
                // Each round is a pass: it settles what it leased before the next.
                foreach (var leased in await Store.Outbox.LeaseDueAsync($"w{w}", 7, Lease, None))
                {
                    mine.Add(leased.Id);
                    Assert.True(await Store.Outbox.CompleteAsync(leased.Id, $"w{w}", null, None));
                }
            }
            return mine;
        }));

        var all = rounds.SelectMany(r => r).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }
}

public sealed class SqliteOutboxTests : OutboxContract<SqliteStoreFactory>;

public sealed class PostgresOutboxTests : OutboxContract<PostgresStoreFactory>;
