using Crowsnest.Storage;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>The admin's side of SNS subscriptions: list them, confirm a pending one, or drop it.</summary>
public sealed class PendingSubscriptions(ISubscriptionStore store, SnsSubscriptionConfirmer confirmer, TimeProvider time)
{
    /// <summary>Subscriptions, optionally in one state.</summary>
    public Task<IReadOnlyList<SnsSubscription>> ListAsync(SubscriptionState? state, CancellationToken cancellationToken) =>
        store.ListAsync(state, cancellationToken);

    /// <summary>Confirms a pending subscription by visiting its SubscribeURL (tokens expire after two days).</summary>
    public async Task<SubscriptionDecision> ConfirmAsync(string topicArn, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(topicArn, cancellationToken);
        if (existing is null)
        {
            return SubscriptionDecision.NotFound;
        }

        if (existing.State != SubscriptionState.Pending)
        {
            return new SubscriptionDecision(SubscriptionDecisionOutcome.NotPending, $"the subscription is {existing.State.ToString().ToLowerInvariant()}");
        }

        var visit = await confirmer.ConfirmAsync(existing.SubscribeUrl, cancellationToken);
        if (!visit.Confirmed)
        {
            return new SubscriptionDecision(SubscriptionDecisionOutcome.Failed, visit.Error);
        }

        await store.PutAsync(existing with { State = SubscriptionState.Confirmed, DecidedAt = time.GetUtcNow(), Note = visit.SubscriptionArn ?? "confirmed by an admin" }, cancellationToken);
        return new SubscriptionDecision(SubscriptionDecisionOutcome.Done, visit.SubscriptionArn);
    }

    /// <summary>Drops a pending subscription: it is never confirmed (SNS lets the token expire).</summary>
    public async Task<SubscriptionDecision> DropAsync(string topicArn, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(topicArn, cancellationToken);
        if (existing is null)
        {
            return SubscriptionDecision.NotFound;
        }

        if (existing.State != SubscriptionState.Pending)
        {
            return new SubscriptionDecision(SubscriptionDecisionOutcome.NotPending, $"the subscription is {existing.State.ToString().ToLowerInvariant()}");
        }

        await store.PutAsync(existing with { State = SubscriptionState.Dropped, DecidedAt = time.GetUtcNow(), Note = "dropped by an admin" }, cancellationToken);
        return new SubscriptionDecision(SubscriptionDecisionOutcome.Done, null);
    }
}

/// <summary>What an admin decision did.</summary>
public enum SubscriptionDecisionOutcome
{
    /// <summary>Confirmed or dropped.</summary>
    Done = 0,

    /// <summary>No subscription for that topic.</summary>
    NotFound,

    /// <summary>The subscription is not pending.</summary>
    NotPending,

    /// <summary>The confirmation visit failed.</summary>
    Failed,
}

/// <summary>The outcome of an admin decision, with a detail (the subscription ARN, or why it failed).</summary>
public sealed record SubscriptionDecision(SubscriptionDecisionOutcome Outcome, string? Detail)
{
    internal static SubscriptionDecision NotFound { get; } = new(SubscriptionDecisionOutcome.NotFound, "no subscription for that topic");
}
