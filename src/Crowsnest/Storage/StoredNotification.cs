using Crowsnest.Notifications;

namespace Crowsnest.Storage;

/// <summary>Where a stored notification is in the pipeline.</summary>
public enum NotificationState
{
    /// <summary>Accepted, not yet recognised and routed.</summary>
    Received = 0,

    /// <summary>Recognised, routed; its deliveries are in the outbox.</summary>
    Processed,

    /// <summary>No event type recognised it; held for the console, never dropped.</summary>
    Unrecognized,

    /// <summary>Processing failed; the error says why.</summary>
    Failed,
}

/// <summary>A notification as the inbox holds it.</summary>
/// <param name="Notification">The notification.</param>
/// <param name="State">Its state.</param>
/// <param name="EventType">The recognised event type, once processed.</param>
/// <param name="Error">Why it is unrecognised or failed.</param>
/// <param name="Attempts">How many times processing was tried.</param>
/// <param name="ProcessedAt">When processing finished.</param>
public sealed record StoredNotification(
    Notification Notification,
    NotificationState State,
    string? EventType,
    string? Error,
    int Attempts,
    DateTimeOffset? ProcessedAt);

/// <summary>What processing decided for one notification.</summary>
/// <param name="MessageId">The notification.</param>
/// <param name="State">Processed, Unrecognized or Failed.</param>
/// <param name="EventType">The recognised event type.</param>
/// <param name="Error">Why, when not processed.</param>
public sealed record ProcessingOutcome(string MessageId, NotificationState State, string? EventType, string? Error);

/// <summary>Filters for listing notifications; all optional.</summary>
public sealed record NotificationQuery(
    NotificationState? State = null,
    string? EventType = null,
    string? TopicArn = null,
    DateTimeOffset? Since = null,
    int Limit = 100,
    string? After = null);

/// <summary>Counts of notifications by event type since a moment (console overview, metrics).</summary>
public sealed record EventTypeCount(string EventType, long Count);
