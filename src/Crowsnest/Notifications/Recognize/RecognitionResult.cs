using Crowsnest.Messages;

namespace Crowsnest.Notifications.Recognize;

/// <summary>How a notification was recognised.</summary>
public enum RecognitionOutcome
{
    /// <summary>A specific event type.</summary>
    Specific = 0,

    /// <summary>A generic fallback (another EventBridge event, other SNS text).</summary>
    Generic,

    /// <summary>Nothing could be made of it; <see cref="RecognitionResult.Reason"/> says why.</summary>
    Unrecognized,
}

/// <summary>The catalog's answer for one notification.</summary>
public sealed record RecognitionResult
{
    public required RecognitionOutcome Outcome { get; init; }

    /// <summary>The recognised event; null when unrecognised.</summary>
    public AwsEvent? Event { get; init; }

    /// <summary>The type that recognised it; null when unrecognised.</summary>
    public IEventType? EventType { get; init; }

    /// <summary>Why the notification was not recognised.</summary>
    public string? Reason { get; init; }

    /// <summary>The type name, or <c>unrecognized</c>.</summary>
    public string TypeName => EventType?.Name ?? "unrecognized";

    /// <summary>Renders the event; null when unrecognised.</summary>
    public ChatMessage? Render() => Event is null || EventType is null ? null : EventType.Render(Event);

    internal static RecognitionResult Unrecognized(string reason) =>
        new() { Outcome = RecognitionOutcome.Unrecognized, Reason = reason };
}
