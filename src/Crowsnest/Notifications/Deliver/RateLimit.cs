namespace Crowsnest.Notifications.Deliver;

/// <summary>A token bucket: <paramref name="PerSecond"/> tokens refill each second, at most <paramref name="Burst"/> saved up.</summary>
public sealed record RateLimit(double PerSecond, int Burst)
{
    /// <summary>The time one token takes to refill.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(1 / PerSecond);
}

/// <summary>The documented posting limits per kind of target, and Slack's per-workspace limit.</summary>
public sealed record DeliveryRateLimits
{
    /// <summary>The defaults below.</summary>
    public static DeliveryRateLimits Default { get; } = new();

    /// <summary>Slack: about one message per second per channel, short bursts tolerated.</summary>
    public RateLimit SlackChannel { get; init; } = new(1, 3);

    /// <summary>Slack's workspace-wide posting limit (undocumented figure; kept generous).</summary>
    public RateLimit? SlackWorkspace { get; init; } = new(50, 100);

    /// <summary>Slack incoming webhooks: one message per second, short bursts.</summary>
    public RateLimit SlackWebhook { get; init; } = new(1, 3);

    /// <summary>Teams Workflows webhooks: at most 4 requests per second.</summary>
    public RateLimit TeamsWebhook { get; init; } = new(4, 4);

    /// <summary>Chime webhooks: 1 TPS per webhook.</summary>
    public RateLimit ChimeWebhook { get; init; } = new(1, 1);

    /// <summary>Generic webhooks: a courtesy limit.</summary>
    public RateLimit? Webhook { get; init; } = new(20, 40);

    /// <summary>The limit of one target of <paramref name="kind"/>, or null for none (the console).</summary>
    public RateLimit? ForTarget(ChatTargetKind kind) => kind switch
    {
        ChatTargetKind.SlackApi => SlackChannel,
        ChatTargetKind.SlackWebhook => SlackWebhook,
        ChatTargetKind.TeamsWebhook => TeamsWebhook,
        ChatTargetKind.ChimeWebhook => ChimeWebhook,
        ChatTargetKind.Webhook => Webhook,
        _ => null,
    };
}

/// <summary>The answer of a rate limiter: go now, or wait <see cref="RetryAfter"/>.</summary>
public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    /// <summary>Go now.</summary>
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);
}
