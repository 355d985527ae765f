
namespace Crowsnest.Storage.Tests;

public abstract class InboxContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task Migrations_are_idempotent_and_the_store_is_ready()
    {
        await Store.MigrateAsync(None);
        var readiness = await Store.CheckReadinessAsync(None);
        Assert.True(readiness.Ready, readiness.Detail);
    }

    [Fact]
    public async Task Accept_stores_once_and_reports_redeliveries()
    {
        Assert.True(await Store.Inbox.AcceptAsync(NewNotification("m-1"), None));
        Assert.False(await Store.Inbox.AcceptAsync(NewNotification("m-1", "{\"other\":2}"), None));

        var stored = await Store.Inbox.GetAsync("m-1", None);
        Assert.NotNull(stored);
        Assert.Equal("{\"hello\":1}", stored.Notification.Body);
        Assert.Equal("ALARM: test", stored.Notification.Subject);
        Assert.Equal("v", stored.Notification.Attributes["k"]);
        Assert.Equal(NotificationState.Received, stored.State);
        Assert.Equal(Time.GetUtcNow(), stored.Notification.ReceivedAt);
    }

    [Fact]
    public async Task Concurrent_accepts_commit_every_distinct_id_exactly_once()
    {
        var ids = Enumerable.Range(0, 300).Select(i => $"c-{i % 200}").ToList();
        var results = await Task.WhenAll(ids.Select(id => Store.Inbox.AcceptAsync(NewNotification(id), None).AsTask()));

        Assert.Equal(200, results.Count(r => r));
        Assert.Equal(100, results.Count(r => !r));
        var listed = await Store.Inbox.ListAsync(new NotificationQuery(Limit: 1000), None);
        Assert.Equal(200, listed.Count);
    }

    [Fact]
    public async Task A_lease_is_exclusive_until_it_expires()
    {
        await Store.Inbox.AcceptAsync(NewNotification("l-1"), None);

        var first = await Store.Inbox.LeaseReceivedAsync("worker-a", 10, TimeSpan.FromSeconds(30), None);
        var second = await Store.Inbox.LeaseReceivedAsync("worker-b", 10, TimeSpan.FromSeconds(30), None);
        Time.Advance(TimeSpan.FromSeconds(31));
        var takenOver = await Store.Inbox.LeaseReceivedAsync("worker-b", 10, TimeSpan.FromSeconds(30), None);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Single(takenOver);
        Assert.Equal(2, takenOver[0].Attempts);
    }

    [Fact]
    public async Task A_lease_left_by_its_owners_failed_pass_is_taken_back_by_that_owner_at_once_but_not_by_another()
    {
        await Store.Inbox.AcceptAsync(NewNotification("f-1"), None);
        Assert.Single(await Store.Inbox.LeaseReceivedAsync("processor-a", 10, TimeSpan.FromMinutes(2), None));

        // The pass failed before recording its outcome (the store went away mid-pass).
        Assert.Empty(await Store.Inbox.LeaseReceivedAsync("processor-b", 10, TimeSpan.FromMinutes(2), None));
        var retaken = Assert.Single(await Store.Inbox.LeaseReceivedAsync("processor-a", 10, TimeSpan.FromMinutes(2), None));

        Assert.Equal(("f-1", 2), (retaken.Notification.MessageId, retaken.Attempts));
    }

    [Fact]
    public async Task Accepting_a_new_notification_and_completing_with_deliveries_raise_the_work_signals()
    {
        var received = Store.Signals.Received.Arm();
        Assert.True(await Store.Inbox.AcceptAsync(NewNotification("s-1"), None));
        Assert.True(received.IsCompleted);

        var duplicate = Store.Signals.Received.Arm();
        Assert.False(await Store.Inbox.AcceptAsync(NewNotification("s-1"), None));
        Assert.False(duplicate.IsCompleted);

        var due = Store.Signals.DeliveriesDue.Arm();
        await Store.Inbox.LeaseReceivedAsync("w", 10, TimeSpan.FromSeconds(30), None);
        await Store.Inbox.CompleteAsync(new ProcessingOutcome("s-1", NotificationState.Unrecognized, null, "no match"), [], None);
        Assert.False(due.IsCompleted);
        await Store.Inbox.AcceptAsync(NewNotification("s-2"), None);
        await Store.Inbox.LeaseReceivedAsync("w", 10, TimeSpan.FromSeconds(30), None);
        await Store.Inbox.CompleteAsync(new ProcessingOutcome("s-2", NotificationState.Processed, "cloudwatch.alarm", null), [NewDelivery("s-2", "chime:hook-1")], None);
        Assert.True(due.IsCompleted);
    }

    [Fact]
    public async Task Completing_records_the_outcome_and_enqueues_deliveries_once()
    {
        await Store.Inbox.AcceptAsync(NewNotification("p-1"), None);
        await Store.Inbox.LeaseReceivedAsync("w", 10, TimeSpan.FromSeconds(30), None);
        var outcome = new ProcessingOutcome("p-1", NotificationState.Processed, "cloudwatch.alarm", null);
        IReadOnlyList<NewDelivery> deliveries = [NewDelivery("p-1", "slack:T1:C1"), NewDelivery("p-1", "chime:hook-1")];

        await Store.Inbox.CompleteAsync(outcome, deliveries, None);
        await Store.Inbox.CompleteAsync(outcome, deliveries, None);

        var stored = await Store.Inbox.GetAsync("p-1", None);
        Assert.Equal(NotificationState.Processed, stored!.State);
        Assert.Equal("cloudwatch.alarm", stored.EventType);
        Assert.Empty(await Store.Inbox.LeaseReceivedAsync("w", 10, TimeSpan.FromSeconds(30), None));
        Assert.Equal(2, (await Store.Outbox.ListAsync(new DeliveryQuery(NotificationId: "p-1"), None)).Count);
        var counts = await Store.Inbox.CountByEventTypeAsync(Time.GetUtcNow().AddHours(-1), None);
        Assert.Equal(1, Assert.Single(counts, c => c.EventType == "cloudwatch.alarm").Count);
    }

    [Fact]
    public async Task Listing_filters_by_state_and_pages_newest_first()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.Inbox.AcceptAsync(NewNotification($"n-{i}"), None);
            Time.Advance(TimeSpan.FromSeconds(1));
        }
        await Store.Inbox.CompleteAsync(new ProcessingOutcome("n-4", NotificationState.Unrecognized, null, "no event type matched"), [], None);

        var unrecognized = await Store.Inbox.ListAsync(new NotificationQuery(State: NotificationState.Unrecognized), None);
        var firstPage = await Store.Inbox.ListAsync(new NotificationQuery(Limit: 2), None);
        var after = firstPage[^1].Notification.ReceivedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var secondPage = await Store.Inbox.ListAsync(new NotificationQuery(Limit: 2, After: after), None);

        Assert.Equal("no event type matched", Assert.Single(unrecognized).Error);
        await Store.Inbox.CompleteAsync(new ProcessingOutcome("n-3", NotificationState.Processed, "guardduty.finding", null), [], None);
        var byType = await Store.Inbox.ListAsync(new NotificationQuery(EventType: "guardduty.finding", TopicArn: "arn:aws:sns:us-east-1:123456789012:alarms"), None);
        Assert.Equal("n-3", Assert.Single(byType).Notification.MessageId);
        Assert.Equal(["n-4", "n-3"], firstPage.Select(n => n.Notification.MessageId));
        Assert.Equal(["n-2", "n-1"], secondPage.Select(n => n.Notification.MessageId));
    }
}

public sealed class SqliteInboxTests : InboxContract<SqliteStoreFactory>;

public sealed class PostgresInboxTests : InboxContract<PostgresStoreFactory>;
