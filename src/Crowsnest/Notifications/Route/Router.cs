using Crowsnest.Configuration.Filters;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Route;

/// <summary>
/// Routing as a pure function of a recognised notification and a configuration snapshot: the configurations whose SNS
/// topics (or intake source) name it, enabled, whose filter takes it; unrecognised events follow each configuration's
/// policy (deliver a generic rendering or hold). Targets shared by several configurations get one delivery.
/// </summary>
public static class Router
{
    /// <summary>The event type name filters see for notifications no type recognised.</summary>
    public const string UnrecognizedType = "unrecognized";

    /// <summary>Routes one recognition result of <paramref name="notification"/>.</summary>
    public static DeliveryPlan Route(Notification notification, RecognitionResult recognition, ConfigSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(recognition);
        ArgumentNullException.ThrowIfNull(snapshot);
        var candidates = Candidates(notification, snapshot);
        if (candidates.Count == 0)
        {
            return DeliveryPlan.Empty;
        }
        var facts = Facts(recognition);
        var unrecognized = recognition.Outcome == RecognitionOutcome.Unrecognized;
        var targets = new List<(ChatTarget Target, ChannelConfiguration Configuration, List<string> Reasons)>();
        var held = new List<RouteDecision>();
        var skipped = new List<RouteDecision>();
        foreach (var (configuration, via) in candidates)
        {
            if (!configuration.Enabled)
            {
                skipped.Add(new RouteDecision(configuration.Arn, "the configuration is disabled"));
                continue;
            }
            if (configuration.Filter.Reject(facts) is { } rejected)
            {
                skipped.Add(new RouteDecision(configuration.Arn, rejected));
                continue;
            }
            if (unrecognized && configuration.HoldsUnrecognized)
            {
                held.Add(new RouteDecision(configuration.Arn, $"{via}; unrecognised events are held for the console"));
                continue;
            }
            var reason = $"{configuration.Name} ({configuration.Arn}): {via}" +
                (unrecognized ? "; unrecognised, delivered as a generic rendering" : recognition.Outcome == RecognitionOutcome.Generic ? "; generic rendering" : "");
            var existing = targets.FindIndex(t => t.Target.Key == configuration.Target.Key);
            if (existing >= 0)
            {
                targets[existing].Reasons.Add(reason);
            }
            else
            {
                targets.Add((configuration.Target, configuration, [reason]));
            }
        }
        return new DeliveryPlan([.. targets.Select(t => new RoutedTarget(t.Target, t.Configuration, t.Reasons))], held, skipped);
    }

    private static List<(ChannelConfiguration Configuration, string Via)> Candidates(Notification notification, ConfigSnapshot snapshot)
    {
        var found = new List<(ChannelConfiguration, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (notification.TopicArn is { Length: > 0 } topic)
        {
            foreach (var c in snapshot.ForTopic(topic))
            {
                if (seen.Add(c.Arn))
                {
                    found.Add((c, $"SNS topic {topic}"));
                }
            }
        }
        if (notification.SourceKey is { Length: > 0 } source)
        {
            foreach (var c in snapshot.ForSource(source))
            {
                if (seen.Add(c.Arn))
                {
                    found.Add((c, $"source {source}"));
                }
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Item1.Arn, b.Item1.Arn));
        return found;
    }

    private static EventFacts Facts(RecognitionResult recognition) => recognition.Event is { } e
        ? new EventFacts(recognition.TypeName, e.Severity, e.Account, e.Region, e.Payload)
        : new EventFacts(UnrecognizedType, Severity.Info, null, null, default);
}
