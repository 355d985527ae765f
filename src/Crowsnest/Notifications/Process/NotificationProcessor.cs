using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Actions;
using Crowsnest.Notifications.Deliver;
using Crowsnest.Notifications.Recognize;
using Crowsnest.Notifications.Route;
using Crowsnest.Storage;

namespace Crowsnest.Notifications.Process;

/// <summary>
/// The processing step: leases received notifications, recognises, renders the neutral message (with the alarm
/// chart when a metric source is registered), routes against the current snapshot, and records the outcome together
/// with its deliveries in one transaction. Unrecognised notifications are recorded as such, never dropped.
/// </summary>
public sealed class NotificationProcessor(IStore store, EventCatalog catalog, Func<ConfigSnapshot> snapshot, TimeProvider time)
{
    /// <summary>The largest original event kept in a delivery payload.</summary>
    public const int MaxOriginalEventChars = 64 * 1024;

    /// <summary>How long a lease on a notification lasts; processing one takes far less.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Processes up to <paramref name="max"/> received notifications; returns how many. Does nothing before the first snapshot loads.</summary>
    public async Task<int> RunOnceAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var config = snapshot();
        if (config.Stamp < 0)
        {
            return 0;
        }
        var leased = await store.Inbox.LeaseReceivedAsync(owner, max, Lease, cancellationToken).ConfigureAwait(false);
        if (leased.Count == 0)
        {
            return 0;
        }
        // One transaction (one commit) per pass rather than per notification.
        var completions = new List<(ProcessingOutcome Outcome, IReadOnlyList<NewDelivery> Deliveries)>(leased.Count);
        foreach (var stored in leased)
        {
            completions.Add(ProcessGuarded(stored.Notification, config));
        }
        await store.Inbox.CompleteAllAsync(completions, cancellationToken).ConfigureAwait(false);
        return leased.Count;
    }

    // A bug in one event type or renderer must not stall the pass for every other notification: that notification is
    // recorded as failed with the reason (kept, listed, never dropped) and the rest go on.
    private (ProcessingOutcome Outcome, IReadOnlyList<NewDelivery> Deliveries) ProcessGuarded(Notification notification, ConfigSnapshot config)
    {
        try
        {
            return Process(notification, config);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (new ProcessingOutcome(notification.MessageId, NotificationState.Failed, null, $"processing failed: {e.GetType().Name}: {e.Message}"), []);
        }
    }

    /// <summary>Decides one notification: its outcome and deliveries (pure).</summary>
    public (ProcessingOutcome Outcome, IReadOnlyList<NewDelivery> Deliveries) Process(Notification notification, ConfigSnapshot config)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(config);
        var recognition = catalog.Recognize(notification);
        var plan = Router.Route(notification, recognition, config);
        var unrecognized = recognition.Outcome == RecognitionOutcome.Unrecognized;
        var state = unrecognized ? NotificationState.Unrecognized : NotificationState.Processed;
        var note = unrecognized ? recognition.Reason : null;
        if (plan.Targets.Count == 0)
        {
            return (new ProcessingOutcome(notification.MessageId, state, recognition.TypeName, note ?? NoTargets(plan)), []);
        }
        var message = recognition.Render() ?? UnrecognizedMessage(notification, recognition.Reason);
        var chart = recognition.Event?.Chart;
        var original = notification.Body.Length > MaxOriginalEventChars ? null : notification.Body;
        var now = time.GetUtcNow();
        var deliveries = plan.Targets.Select(t => new NewDelivery(
            notification.MessageId,
            t.Target.Key,
            t.Configuration.Arn,
            message.ThreadKey,
            new DeliveryPayload
            {
                Message = NotificationButtons.Add(message, recognition.Event, t.Target, config, notification.MessageId),
                ConfigurationArn = t.Configuration.Arn,
                TargetKey = t.Target.Key,
                ThreadKey = message.ThreadKey,
                UpdateKey = message.UpdateKey,
                NotificationId = notification.MessageId,
                OriginalEvent = original,
                Chart = chart,
            }.ToJson(),
            now)).ToList();
        return (new ProcessingOutcome(notification.MessageId, state, recognition.TypeName, note), deliveries);
    }

    private static string NoTargets(DeliveryPlan plan) =>
        plan.Held.Count > 0 ? $"held by {string.Join(", ", plan.Held.Select(h => h.ConfigurationArn))}"
        : plan.Skipped.Count > 0 ? $"no configuration took it: {string.Join("; ", plan.Skipped.Select(s => $"{s.ConfigurationArn}: {s.Reason}"))}"
        : "no configuration names its topic or source";

    /// <summary>The generic rendering of a notification no type recognised: its subject and (cut) body.</summary>
    public static ChatMessage UnrecognizedMessage(Notification notification, string? reason)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = notification.Body.Length > 2500 ? notification.Body[..2500] + "\n…" : notification.Body;
        return new ChatMessage
        {
            EventType = Router.UnrecognizedType,
            Title = notification.Subject is { Length: > 0 } subject ? subject : "Unrecognised notification",
            Severity = Severity.Info,
            Summary = $"Crowsnest did not recognise this notification ({reason ?? "unknown format"}).",
            Sections = [new MessageSection(null, "```\n" + body.Replace("```", "'''", StringComparison.Ordinal) + "\n```")],
            IsGeneric = true,
            OccurredAt = notification.Timestamp ?? notification.ReceivedAt,
        };
    }
}
