namespace Crowsnest.Notifications.Ingest;

/// <summary>What intake did with one incoming request.</summary>
public enum IntakeOutcome
{
    /// <summary>Stored durably in the inbox.</summary>
    Accepted = 0,

    /// <summary>Already in the inbox (a redelivery): nothing new was created.</summary>
    Duplicate,

    /// <summary>A subscription confirmation was recorded and waits for an admin.</summary>
    SubscriptionPending,

    /// <summary>A subscription was confirmed (its SubscribeURL visited).</summary>
    SubscriptionConfirmed,

    /// <summary>An unsubscribe confirmation was recorded.</summary>
    Unsubscribed,

    /// <summary>The body is larger than allowed.</summary>
    TooLarge,

    /// <summary>The body is not what this endpoint takes (malformed JSON, missing fields, unknown type, raw delivery, stale).</summary>
    Invalid,

    /// <summary>Authentication failed: a bad signature, token or key, or an unacceptable certificate URL.</summary>
    Forbidden,

    /// <summary>The caller did not prove who it is (missing or wrong key, password, token or HMAC).</summary>
    Unauthenticated,

    /// <summary>Something needed is unavailable now (the store, a signing certificate, the confirmation URL); retry later.</summary>
    Unavailable,
}

/// <summary>The outcome of one intake request, with a reason meant for the sender (never holding a secret).</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">A short reason for refusals, or a note for success.</param>
/// <param name="MessageId">The notification's idempotency key, when known.</param>
public sealed record IntakeResult(IntakeOutcome Outcome, string? Reason = null, string? MessageId = null)
{
    /// <summary>True when the sender should consider the message delivered.</summary>
    public bool Acknowledged => Outcome is IntakeOutcome.Accepted or IntakeOutcome.Duplicate or IntakeOutcome.SubscriptionPending
        or IntakeOutcome.SubscriptionConfirmed or IntakeOutcome.Unsubscribed;

    internal static IntakeResult Invalid(string reason) => new(IntakeOutcome.Invalid, reason);

    internal static IntakeResult Forbidden(string reason) => new(IntakeOutcome.Forbidden, reason);

    internal static IntakeResult Unavailable(string reason) => new(IntakeOutcome.Unavailable, reason);
}
