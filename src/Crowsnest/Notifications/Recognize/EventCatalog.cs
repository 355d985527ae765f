namespace Crowsnest.Notifications.Recognize;

/// <summary>
/// Recognises notifications: parses the body once, tries the specific event types in their explicit order, then
/// the generic fallbacks. Never throws for odd input; what cannot be recognised comes back with its reason.
/// </summary>
public sealed class EventCatalog
{
    private readonly IEventType[] _specific;
    private readonly IEventType[] _fallbacks;

    /// <summary>Creates a catalog from ordered lists of specific types and fallbacks.</summary>
    public EventCatalog(IEnumerable<IEventType> specific, IEnumerable<IEventType> fallbacks)
    {
        _specific = [.. specific];
        _fallbacks = [.. fallbacks];
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

        foreach (var type in _specific)
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
