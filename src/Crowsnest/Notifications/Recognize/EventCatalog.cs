namespace Crowsnest.Notifications.Recognize;

/// <summary>
/// Recognises notifications: parses the body once, tries the specific event types in their explicit order, then
/// the generic fallbacks. Never throws for odd input; what cannot be recognised comes back with its reason.
/// </summary>
public sealed class EventCatalog
{
    private readonly IEventType[] _specific;
    private readonly IEventType[] _fallbacks;
    private readonly Dictionary<string, IEventType[]> _bySource;
    private readonly IEventType[] _unscoped;

    /// <summary>Creates a catalog from ordered lists of specific types and fallbacks.</summary>
    public EventCatalog(IEnumerable<IEventType> specific, IEnumerable<IEventType> fallbacks)
    {
        _specific = [.. specific];
        _fallbacks = [.. fallbacks];

        // Per source, the types that may apply, in catalog order: those scoped to it and those not scoped at all.
        _unscoped = [.. _specific.Where(t => (t as ISourceScoped)?.OnlySource is null)];
        _bySource = _specific.Select(t => (t as ISourceScoped)?.OnlySource).OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(
                source => source,
                source => _specific.Where(t => (t as ISourceScoped)?.OnlySource is null || (t as ISourceScoped)!.OnlySource == source).ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>The catalog with every built-in event type.</summary>
    public static EventCatalog Default { get; } = new(EventTypeList.Specific, EventTypeList.Fallbacks);

    /// <summary>Specific types, in the order they are tried.</summary>
    public IReadOnlyList<IEventType> SpecificTypes => _specific;

    /// <summary>Fallback types, tried after every specific one.</summary>
    public IReadOnlyList<IEventType> FallbackTypes => _fallbacks;

    /// <summary>Recognises one notification.</summary>
    public RecognitionResult Recognize(Notification notification)
    {
        var payload = ParsedPayload.Parse(notification);
        switch (payload.Kind)
        {
            case PayloadKind.Empty:
                return RecognitionResult.Unrecognized("empty body");
            case PayloadKind.InvalidJson:
                return RecognitionResult.Unrecognized($"body looks like JSON but does not parse: {payload.ParseError}");
            default:
                break;
        }

        var candidates = payload.Source is { } source && _bySource.TryGetValue(source, out var scoped) ? scoped : _unscoped;
        foreach (var type in candidates)
        {
            if (type.TryRecognize(payload, out var awsEvent))
            {
                return new RecognitionResult { Outcome = RecognitionOutcome.Specific, Event = awsEvent, EventType = type };
            }
        }

        foreach (var type in _fallbacks)
        {
            if (type.TryRecognize(payload, out var awsEvent))
            {
                return new RecognitionResult { Outcome = RecognitionOutcome.Generic, Event = awsEvent with { IsGeneric = true }, EventType = type };
            }
        }

        return RecognitionResult.Unrecognized("no event type recognises this payload");
    }
}
