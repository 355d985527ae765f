using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>Base for event types recognised by an EventBridge <c>source</c> and <c>detail-type</c>.</summary>
internal abstract class EventBridgeEventType : IEventType
{
    public abstract string Name { get; }

    /// <summary>Cheap check on the envelope fields.</summary>
    protected abstract bool Matches(ParsedPayload payload);

    /// <summary>The severity the router filters on.</summary>
    protected virtual Severity Classify(ParsedPayload payload) => Messages.Severity.Info;

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        if (!payload.IsJsonObject || !Matches(payload))
        {
            awsEvent = null;
            return false;
        }

        awsEvent = EventFactory.FromEnvelope(payload, Name, Classify(payload));
        return true;
    }

    public abstract ChatMessage Render(AwsEvent awsEvent);

    /// <summary>The event's <c>detail</c> object.</summary>
    protected static JsonElement Detail(AwsEvent awsEvent) => awsEvent.Parsed.Detail;
}
