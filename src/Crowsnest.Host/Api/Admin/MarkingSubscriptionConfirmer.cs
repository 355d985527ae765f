using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Admin;

/// <summary>
/// Placeholder <see cref="ISubscriptionConfirmer"/> until the intake's confirmer is registered: it only marks the
/// record confirmed and visits nothing.
/// </summary>
internal sealed class MarkingSubscriptionConfirmer(IStore store, TimeProvider time) : ISubscriptionConfirmer
{
    public async Task<SubscriptionConfirmResult> ConfirmAsync(SnsSubscription subscription, string actor, CancellationToken cancellationToken)
    {
        await store.Subscriptions.PutAsync(
            subscription with { State = SubscriptionState.Confirmed, DecidedAt = time.GetUtcNow(), Note = $"confirmed by {actor} (SubscribeURL not visited)" },
            cancellationToken);
        return new SubscriptionConfirmResult(true, "marked confirmed; the SubscribeURL was not visited");
    }
}
