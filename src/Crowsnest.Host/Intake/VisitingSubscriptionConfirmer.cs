using Crowsnest.Configuration;
using Crowsnest.Notifications.Ingest.Sns;
using Crowsnest.Storage;

namespace Crowsnest.Host.Intake;

/// <summary>An admin's confirmation of a pending SNS subscription: visit its SubscribeURL (after the URL checks), then record it.</summary>
internal sealed class VisitingSubscriptionConfirmer(SnsSubscriptionConfirmer confirmer, IStore store, TimeProvider time) : ISubscriptionConfirmer
{
    public async Task<SubscriptionConfirmResult> ConfirmAsync(SnsSubscription subscription, string actor, CancellationToken cancellationToken)
    {
        var visit = await confirmer.ConfirmAsync(subscription.SubscribeUrl, cancellationToken);
        if (!visit.Confirmed)
        {
            return new SubscriptionConfirmResult(false, visit.Error ?? "SNS did not confirm the subscription");
        }
        await store.Subscriptions.PutAsync(
            subscription with { State = SubscriptionState.Confirmed, DecidedAt = time.GetUtcNow(), Note = $"confirmed by {actor}" },
            cancellationToken);
        return new SubscriptionConfirmResult(true, visit.SubscriptionArn is null ? "confirmed" : $"confirmed: {visit.SubscriptionArn}");
    }
}
