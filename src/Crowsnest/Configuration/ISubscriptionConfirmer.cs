using Crowsnest.Storage;

namespace Crowsnest.Configuration;

/// <summary>The outcome of confirming a pending SNS subscription.</summary>
/// <param name="Confirmed">Whether the subscription is now confirmed.</param>
/// <param name="Detail">What happened, for the admin (never a token or URL).</param>
public sealed record SubscriptionConfirmResult(bool Confirmed, string Detail);

/// <summary>
/// Confirms a pending SNS subscription an admin approved (visiting its SubscribeURL is the intake's job).
/// The control plane calls it for <c>POST /crowsnest/confirm-subscription</c>.
/// </summary>
public interface ISubscriptionConfirmer
{
    /// <summary>Confirms the subscription and records the new state in the store.</summary>
    Task<SubscriptionConfirmResult> ConfirmAsync(SnsSubscription subscription, string actor, CancellationToken cancellationToken);
}
