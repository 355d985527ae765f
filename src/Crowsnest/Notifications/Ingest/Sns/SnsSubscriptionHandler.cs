using Crowsnest.Diagnostics;
using Crowsnest.Storage;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>
/// Verified subscription messages: a <c>SubscriptionConfirmation</c> is confirmed only when some configuration names
/// its topic, otherwise kept pending for an admin; an <c>UnsubscribeConfirmation</c> is recorded.
/// </summary>
public sealed class SnsSubscriptionHandler(
    ISubscriptionStore store,
    IConfiguredTopics topics,
    SnsSubscriptionConfirmer confirmer,
    CrowsnestMetrics metrics,
    TimeProvider time)
{
    /// <summary>Handles a verified (un)subscription confirmation.</summary>
    public async ValueTask<IntakeResult> HandleAsync(SnsEnvelope envelope, SnsMessageType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var topic = envelope.TopicArn!;
        try
        {
            return type == SnsMessageType.UnsubscribeConfirmation
                ? await RecordAsync(envelope, SubscriptionState.Unsubscribed, "unsubscribed", IntakeOutcome.Unsubscribed, cancellationToken)
                : await ConfirmOrHoldAsync(envelope, topic, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            metrics.EventsThrottled.Add(1, new KeyValuePair<string, object?>("source", "sns"));
            return IntakeResult.Unavailable("the store cannot record the subscription now");
        }
    }

    private async ValueTask<IntakeResult> ConfirmOrHoldAsync(SnsEnvelope envelope, string topic, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(topic, cancellationToken);
        if (existing is not null && existing.MessageId == envelope.MessageId && existing.State is SubscriptionState.Confirmed or SubscriptionState.Dropped)
        {
            // A redelivery of a confirmation already decided: do not visit again, do not undo an admin's drop.
            return new IntakeResult(existing.State == SubscriptionState.Confirmed ? IntakeOutcome.SubscriptionConfirmed : IntakeOutcome.SubscriptionPending,
                $"already {existing.State.ToString().ToLowerInvariant()}", envelope.MessageId);
        }

        if (!await topics.IsConfiguredAsync(topic, cancellationToken))
        {
            return await RecordAsync(envelope, SubscriptionState.Pending, "no configuration names this topic; waiting for an admin", IntakeOutcome.SubscriptionPending, cancellationToken);
        }

        var visit = await confirmer.ConfirmAsync(envelope.SubscribeUrl!, cancellationToken);
        if (!visit.Confirmed)
        {
            await RecordAsync(envelope, SubscriptionState.Pending, $"automatic confirmation failed: {visit.Error}", IntakeOutcome.SubscriptionPending, cancellationToken);
            return visit.Refused
                ? IntakeResult.Forbidden(visit.Error!) with { MessageId = envelope.MessageId }
                : IntakeResult.Unavailable($"could not confirm now: {visit.Error}") with { MessageId = envelope.MessageId };
        }

        return await RecordAsync(envelope, SubscriptionState.Confirmed, visit.SubscriptionArn, IntakeOutcome.SubscriptionConfirmed, cancellationToken);
    }

    private async ValueTask<IntakeResult> RecordAsync(SnsEnvelope envelope, SubscriptionState state, string? note, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var decided = state == SubscriptionState.Pending ? (DateTimeOffset?)null : now;
        await store.PutAsync(new SnsSubscription(envelope.TopicArn!, envelope.MessageId!, envelope.SubscribeUrl!, envelope.Token, state, now, decided, note), cancellationToken);
        metrics.SnsSubscriptions.Add(1, new KeyValuePair<string, object?>("state", state.ToString()));
        return new IntakeResult(outcome, note, envelope.MessageId);
    }
}
