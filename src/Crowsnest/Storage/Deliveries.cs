namespace Crowsnest.Storage;

/// <summary>Where a delivery is.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 0,

    /// <summary>Leased by a worker.</summary>
    Leased,

    /// <summary>The platform accepted it.</summary>
    Delivered,

    /// <summary>Given up: a permanent error or too old. Listed by the API and replayable.</summary>
    Dead,
}

/// <summary>A delivery to enqueue: one rendered message for one chat target.</summary>
/// <param name="NotificationId">The notification it comes from (or a command's correlation id).</param>
/// <param name="TargetKey">The chat target, e.g. <c>slack:T123:C456</c>; unique per notification.</param>
/// <param name="ConfigurationId">The channel configuration that routed it here.</param>
/// <param name="ThreadKey">Related messages share it; per target and thread key, messages go out in order.</param>
/// <param name="Payload">What the worker needs to send it (JSON, owned by the delivery pipeline).</param>
/// <param name="NotBefore">Earliest send time (now for most).</param>
public sealed record NewDelivery(
    string NotificationId,
    string TargetKey,
    string ConfigurationId,
    string? ThreadKey,
    string Payload,
    DateTimeOffset NotBefore);

/// <summary>A delivery as stored.</summary>
public sealed record DeliveryRecord(
    long Id,
    string NotificationId,
    string TargetKey,
    string ConfigurationId,
    string? ThreadKey,
    string Payload,
    DeliveryState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    string? PlatformMessageId);

/// <summary>Filters for listing deliveries; all optional.</summary>
public sealed record DeliveryQuery(
    DeliveryState? State = null,
    string? TargetKey = null,
    string? NotificationId = null,
    int Limit = 100,
    long? AfterId = null);

/// <summary>Counts of deliveries by state (console overview, metrics).</summary>
public sealed record DeliveryStateCount(DeliveryState State, long Count);
