namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// Pure retry arithmetic for the delivery worker. Retries are persisted in the outbox as a due time, so this is a
/// function of the attempt count and clock rather than an in-process retry loop.
/// </summary>
public static class RetrySchedule
{
    /// <summary>
    /// The wait after <paramref name="failedAttempts"/> failures: nominal <c>min(Max, Initial × Multiplier^(n−1))</c>,
    /// with "equal jitter" so the wait lies in [nominal/2, nominal]. <paramref name="jitter"/> is uniform in [0, 1).
    /// </summary>
    public static TimeSpan Backoff(int failedAttempts, RetryPolicy policy, double jitter)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var nominal = Nominal(failedAttempts, policy);
        var j = Math.Clamp(jitter, 0, 1);
        return TimeSpan.FromTicks((long)(nominal.Ticks / 2.0 + (nominal.Ticks / 2.0 * j)));
    }

    /// <summary>
    /// Decides after an attempt: done when delivered; dead-letter when permanent or when the next try would fall
    /// after <see cref="RetryPolicy.MaxAge"/>; otherwise retry after the platform's <c>Retry-After</c> (capped) or the backoff.
    /// </summary>
    /// <param name="result">The attempt's outcome.</param>
    /// <param name="failedAttempts">Failures so far, counting this one.</param>
    /// <param name="queuedAt">When the delivery was first queued.</param>
    /// <param name="now">The current time.</param>
    /// <param name="policy">The retry policy.</param>
    /// <param name="jitter">Uniform in [0, 1); pass <c>Random.Shared.NextDouble()</c> outside tests.</param>
    public static RetryDecision Decide(DeliveryResult result, int failedAttempts, DateTimeOffset queuedAt, DateTimeOffset now,
        RetryPolicy policy, double jitter)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(policy);
        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                return new RetryDecision.Done(delivered.PlatformMessageId);
            case DeliveryResult.Permanent permanent:
                return new RetryDecision.DeadLetter(permanent.Reason);
            case DeliveryResult.Retryable retryable:
                var delay = retryable.RetryAfter is { } asked
                    ? (asked > policy.MaxRetryAfter ? policy.MaxRetryAfter : asked)
                    : Backoff(Math.Max(1, failedAttempts), policy, jitter);
                var at = now + delay;
                return at - queuedAt > policy.MaxAge
                    ? new RetryDecision.DeadLetter($"gave up after {failedAttempts} attempts: {retryable.Reason}")
                    : new RetryDecision.RetryAt(at, delay, retryable.Reason);
            default:
                throw new ArgumentException($"Unknown result {result.GetType().Name}.", nameof(result));
        }
    }

    private static TimeSpan Nominal(int failedAttempts, RetryPolicy policy)
    {
        // Computed in doubles and capped before converting, so large attempt counts cannot overflow.
        var ticks = policy.InitialDelay.Ticks * Math.Pow(policy.Multiplier, failedAttempts - 1);
        return ticks >= policy.MaxDelay.Ticks || double.IsInfinity(ticks) ? policy.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
