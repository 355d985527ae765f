using System.Diagnostics.CodeAnalysis;
using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>Base for event types that AWS publishes to SNS as text: the parsed fields are kept for rendering.</summary>
internal abstract class TextEventType : IEventType
{
    public abstract string Name { get; }

    /// <summary>Cheap check on the text (a fixed first line, a subject).</summary>
    protected abstract bool Matches(ParsedPayload payload);

    /// <summary>Reads the text's fields.</summary>
    protected abstract IReadOnlyDictionary<string, string> Read(string text);

    /// <summary>Severity, source, detail type, account, region, time and resources from the fields.</summary>
    protected abstract (Severity Severity, string Source, string DetailType, string? Account, string? Region, string? Time, IReadOnlyList<string>? Resources) Describe(IReadOnlyDictionary<string, string> fields, ParsedPayload payload);

    protected abstract ChatMessage Render(AwsEvent awsEvent, IReadOnlyDictionary<string, string> fields);

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        if (payload.Kind != PayloadKind.Text || !Matches(payload))
        {
            awsEvent = null;
            return false;
        }

        var fields = Read(payload.Body);
        var (severity, source, detailType, account, region, time, resources) = Describe(fields, payload);
        awsEvent = EventFactory.Create(payload, Name, severity, source, detailType, account, region, time, resources, fields);
        return true;
    }

    public ChatMessage Render(AwsEvent awsEvent) =>
        Render(awsEvent, awsEvent.State as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>());

    /// <summary>A field or null.</summary>
    protected static string? Get(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var value) && value.Length > 0 && value != "null" ? value : null;
}
