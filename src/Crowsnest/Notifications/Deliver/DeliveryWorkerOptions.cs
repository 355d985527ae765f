namespace Crowsnest.Notifications.Deliver;

/// <summary>The bounds of the delivery worker.</summary>
public sealed record DeliveryWorkerOptions
{
    /// <summary>Deliveries leased per pass.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Targets sent to at once.</summary>
    public int MaxConcurrency { get; init; } = 32;

    /// <summary>
    /// How long a lease lasts. Longer than the send timeout plus the longest local rate-limit wait, so a lease is only
    /// taken over when its worker died.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The timeout of one platform call (the adapters' HTTP client timeout).</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A rate-limit wait up to this long is waited out in process; a longer one puts the delivery back.</summary>
    public TimeSpan MaxLocalWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The retry policy (backoff, max age before dead-lettering).</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Whether queued deliveries of one event type for one rate-limited target are grouped into digests.</summary>
    public bool Digests { get; init; } = true;
}

/// <summary>What happened to one delivery in one pass (for logs and metrics; secret-free).</summary>
/// <param name="DeliveryId">The delivery.</param>
/// <param name="TargetKey">Its target.</param>
/// <param name="Outcome"><c>delivered</c>, <c>retry</c>, <c>dead</c>, <c>digested</c>, <c>lease-lost</c>.</param>
/// <param name="Detail">The reason, for retries and dead letters.</param>
public sealed record DeliveryOutcome(long DeliveryId, string TargetKey, string Outcome, string? Detail);
