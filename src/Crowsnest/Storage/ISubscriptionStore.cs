namespace Crowsnest.Storage;

/// <summary>Where an SNS subscription stands.</summary>
public enum SubscriptionState
{
    /// <summary>A SubscriptionConfirmation arrived for a topic no configuration names; waiting for an admin.</summary>
    Pending = 0,

    /// <summary>Confirmed (by Crowsnest for a configured topic, or by an admin).</summary>
    Confirmed,

    /// <summary>Dropped by an admin.</summary>
    Dropped,

    /// <summary>An UnsubscribeConfirmation arrived.</summary>
    Unsubscribed,
}

/// <summary>An SNS subscription request or its end.</summary>
public sealed record SnsSubscription(
    string TopicArn,
    string MessageId,
    string SubscribeUrl,
    string? Token,
    SubscriptionState State,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DecidedAt,
    string? Note);

/// <summary>Stores SNS subscription confirmations, pending ones included, one row per topic (the latest).</summary>
public interface ISubscriptionStore
{
    /// <summary>Records (or replaces) the subscription state of a topic.</summary>
    Task PutAsync(SnsSubscription subscription, CancellationToken cancellationToken);

    /// <summary>One topic's subscription, or null.</summary>
    Task<SnsSubscription?> GetAsync(string topicArn, CancellationToken cancellationToken);

    /// <summary>Subscriptions, optionally only those in one state.</summary>
    Task<IReadOnlyList<SnsSubscription>> ListAsync(SubscriptionState? state, CancellationToken cancellationToken);
}
