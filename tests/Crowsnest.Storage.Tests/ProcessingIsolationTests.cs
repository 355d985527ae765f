using System.Diagnostics.CodeAnalysis;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Process;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Storage.Tests;

public sealed class ProcessingIsolationTests : StoreContract<SqliteStoreFactory>
{
    [Fact]
    public async Task A_notification_that_breaks_an_event_type_is_recorded_as_failed_and_the_others_are_processed()
    {
        await Store.Inbox.AcceptAsync(NewNotification("ok-1", "{\"fine\":true}"), None);
        await Store.Inbox.AcceptAsync(NewNotification("bad-1", "{\"poison\":true}"), None);
        await Store.Inbox.AcceptAsync(NewNotification("ok-2", "{\"fine\":true}"), None);
        var catalog = new EventCatalog([new ThrowsOnPoison()], []);
        var snapshot = ConfigSnapshotBuilder.Build(1, []).Snapshot!;
        var processor = new NotificationProcessor(Store, catalog, () => snapshot, Time);

        Assert.Equal(3, await processor.RunOnceAsync("worker", 10, None));

        var bad = await Store.Inbox.GetAsync("bad-1", None);
        Assert.Equal(NotificationState.Failed, bad!.State);
        Assert.Contains("InvalidOperationException", bad.Error, StringComparison.Ordinal);
        Assert.NotEqual(NotificationState.Received, (await Store.Inbox.GetAsync("ok-1", None))!.State);
        Assert.NotEqual(NotificationState.Failed, (await Store.Inbox.GetAsync("ok-2", None))!.State);
    }

    private sealed class ThrowsOnPoison : IEventType
    {
        public string Name => "test.poison";

        public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
        {
            if (payload.Root.TryGetProperty("poison", out _))
            {
                throw new InvalidOperationException("a bug in this event type");
            }
            awsEvent = null;
            return false;
        }

        public ChatMessage Render(AwsEvent awsEvent) => new() { EventType = Name, Title = "never" };
    }
}
