namespace Crowsnest.Notifications.Deliver;

/// <summary>How failed deliveries are retried: exponential backoff with jitter, bounded by an age.</summary>
public sealed record RetryPolicy
{
    /// <summary>The defaults: 2 s doubling to at most 15 min, dead-lettered after 24 h.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>The nominal wait after the first failure.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Each further failure multiplies the nominal wait by this.</summary>
    public double Multiplier { get; init; } = 2;

    /// <summary>The longest nominal wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A delivery still failing this long after it was queued is dead-lettered.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one is capped.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>What to do with a delivery after an attempt.</summary>
public abstract record RetryDecision
{
    private RetryDecision()
    {
    }

    /// <summary>Delivered: nothing more to do.</summary>
    public sealed record Done(string? PlatformMessageId) : RetryDecision;

    /// <summary>Try again at <paramref name="At"/>.</summary>
    public sealed record RetryAt(DateTimeOffset At, TimeSpan Delay, string LastError) : RetryDecision;

    /// <summary>Give up: list it as dead, with the last error, for a person to replay.</summary>
    public sealed record DeadLetter(string LastError) : RetryDecision;
}
