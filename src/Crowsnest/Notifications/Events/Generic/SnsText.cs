using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Generic;

/// <summary>Fallback for any other SNS message: the subject as title and the body as text (JSON as a code block).</summary>
internal sealed class SnsText : IEventType
{
    private const int MaxBody = 2800;

    public string Name => "sns.text";

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        awsEvent = payload.Kind is PayloadKind.Text or PayloadKind.OtherJson or PayloadKind.JsonObject
            ? EventFactory.Create(payload, Name, Severity.None, source: null, detailType: null)
            : null;
        return awsEvent is not null;
    }

    private static string Indent(JsonElement json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public ChatMessage Render(AwsEvent awsEvent)
    {
        var parsed = awsEvent.Parsed;
        var notification = awsEvent.Notification;
        var isJson = parsed.Kind is PayloadKind.JsonObject or PayloadKind.OtherJson;
        var body = isJson ? Md.CodeBlock(Md.Truncate(Indent(parsed.Root), MaxBody)) : Md.Truncate(notification.Body.Trim(), MaxBody);
        var title = notification.Subject ?? (isJson ? "SNS message" : Md.FirstLine(notification.Body));
        var topic = Arn.Parse(notification.TopicArn);
        return new MessageBuilder(awsEvent, title)
            .Summary(notification.Subject is null || isJson ? null : Md.FirstLine(notification.Body, 300))
            .Code("Topic", topic?.ResourceName)
            .Section(null, body)
            .Link($"Topic {topic?.ResourceName}", topic is { } t
                ? ConsoleLinks.Service(t.Region, "sns/v3/home", "#/topic/" + notification.TopicArn)
                : null)
            .Keywords("sns")
            .Build();
    }
}
