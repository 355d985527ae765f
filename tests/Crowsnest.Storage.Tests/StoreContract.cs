using Crowsnest.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Storage.Tests;

/// <summary>Base of every contract suite: a fresh migrated store per test, on the store kind <typeparamref name="TFactory"/> makes.</summary>
public abstract class StoreContract<TFactory> : IAsyncLifetime
    where TFactory : IStoreFactory, new()
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    protected TestSecretProtector Protector { get; } = new();

    protected IStore Store { get; private set; } = null!;

    protected string RawLocation { get; private set; } = "";

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync() => (Store, RawLocation) = await new TFactory().CreateAsync(Time, Protector);

    public async Task DisposeAsync() => await Store.DisposeAsync();

    protected Notification NewNotification(string id, string body = "{\"hello\":1}") => new()
    {
        MessageId = id,
        Source = NotificationSource.Sns,
        TopicArn = "arn:aws:sns:us-east-1:123456789012:alarms",
        Subject = "ALARM: test",
        Body = body,
        Timestamp = Time.GetUtcNow().AddSeconds(-1),
        ReceivedAt = Time.GetUtcNow(),
        Attributes = new Dictionary<string, string> { ["k"] = "v" },
    };

    protected NewDelivery NewDelivery(string notificationId, string target, string? thread = null) =>
        new(notificationId, target, "config-1", thread, $"{{\"n\":\"{notificationId}\"}}", Time.GetUtcNow());
}
