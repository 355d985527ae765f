namespace Crowsnest.Notifications.Deliver;

/// <summary>The outcome of one attempt to post one message to one target.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult()
    {
    }

    /// <summary>The platform accepted the message.</summary>
    /// <param name="PlatformMessageId">The platform's id of the posted message (Slack <c>ts</c>), when it gives one.</param>
    public sealed record Delivered(string? PlatformMessageId = null) : DeliveryResult;

    /// <summary>The attempt failed in a way that may succeed later (5xx, 429, timeout, connection failure).</summary>
    /// <param name="Reason">A short machine-readable reason (<c>http 503</c>, <c>slack ratelimited</c>, <c>timeout</c>); never a secret.</param>
    /// <param name="RetryAfter">How long the platform asked us to wait, when it said.</param>
    /// <param name="MayHaveBeenDelivered">True when the request may have reached the platform (a timeout after sending): a retry may duplicate.</param>
    public sealed record Retryable(string Reason, TimeSpan? RetryAfter = null, bool MayHaveBeenDelivered = false) : DeliveryResult;

    /// <summary>The attempt failed in a way that retrying cannot fix (bad token, unknown channel, invalid payload).</summary>
    /// <param name="Reason">A short machine-readable reason (<c>slack channel_not_found</c>, <c>http 404</c>); never a secret.</param>
    public sealed record Permanent(string Reason) : DeliveryResult;
}
