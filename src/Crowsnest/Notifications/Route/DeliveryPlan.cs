using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Notifications.Route;

/// <summary>Where one event goes, and why each configuration was or was not chosen.</summary>
/// <param name="Targets">One entry per distinct chat target (several configurations may share one).</param>
/// <param name="Held">Configurations that hold rather than deliver this (unrecognised) event.</param>
/// <param name="Skipped">Configurations that named the topic or source but did not take the event, with the reason.</param>
public sealed record DeliveryPlan(IReadOnlyList<RoutedTarget> Targets, IReadOnlyList<RouteDecision> Held, IReadOnlyList<RouteDecision> Skipped)
{
    /// <summary>Nothing matched.</summary>
    public static DeliveryPlan Empty { get; } = new([], [], []);
}

/// <summary>One chat target the event goes to.</summary>
/// <param name="Target">The target.</param>
/// <param name="Configuration">The first configuration (by ARN) that routed it here; it owns the delivery.</param>
/// <param name="Reasons">Why, one line per configuration that matched (secret-free).</param>
public sealed record RoutedTarget(ChatTarget Target, ChannelConfiguration Configuration, IReadOnlyList<string> Reasons);

/// <summary>A configuration and what the router decided for it.</summary>
public sealed record RouteDecision(string ConfigurationArn, string Reason);
