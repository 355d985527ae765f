using System.Diagnostics.CodeAnalysis;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Generic;

/// <summary>
/// Fallback for any other EventBridge event: the <c>detail-type</c> as title, the salient <c>detail</c> fields, and
/// console links for the resources and region.
/// </summary>
internal sealed class GenericEventBridgeEvent : IEventType
{
    private const int MaxFields = 10;

    public string Name => "eventbridge.generic";

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        if (payload.IsJsonObject && (payload.DetailType is not null || (payload.Source is not null && payload.HasDetail)))
        {
            var severity = StatusSeverity.Of(payload.Detail.Str("state"u8) ?? payload.Detail.Str("status"u8));
            awsEvent = EventFactory.FromEnvelope(payload, Name, severity == Severity.Info ? Severity.None : severity);
            return true;
        }

        awsEvent = null;
        return false;
    }

    public ChatMessage Render(AwsEvent awsEvent)
    {
        var detail = awsEvent.Parsed.Detail;
        var title = awsEvent.DetailType ?? $"Event from {awsEvent.Source}";
        var builder = new MessageBuilder(awsEvent, title)
            .Summary(detail.Str("message"u8) ?? detail.Str("description"u8) ?? $"{awsEvent.Source} event")
            .Code("Source", awsEvent.Source)
            .Time("Time", awsEvent.TimeText);
        foreach (var (name, value) in detail.Scalars().Where(s => s.Value.Length <= 300).Take(MaxFields))
        {
            builder.Field(name, value);
        }

        if (awsEvent.Resources.Count > 0)
        {
            builder.Section("Resources", Md.Bullets(awsEvent.Resources.Take(10).Select(r => Md.Code(r)!)));
        }

        foreach (var resource in awsEvent.Resources.Take(3))
        {
            builder.Link(Arn.Parse(resource)?.ResourceName ?? resource, ConsoleLinks.ForArn(resource));
        }

        return builder.Keywords(awsEvent.Source, "eventbridge").Build();
    }
}
