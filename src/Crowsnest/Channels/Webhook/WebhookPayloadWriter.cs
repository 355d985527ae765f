using System.Text.Json;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Webhook;

/// <summary>Writes the neutral message as JSON (camelCase, markdown kept as is) for generic webhooks.</summary>
internal static class WebhookPayloadWriter
{
    public static void WriteMessage(Utf8JsonWriter w, ChatMessage m)
    {
        w.WriteStartObject("message");
        w.WriteString("eventType", m.EventType);
        w.WriteString("title", m.Title);
        w.WriteString("severity", SeverityName(m.Severity));
        WriteOptional(w, "summary", m.Summary);
        w.WriteStartArray("fields");
        foreach (var f in m.Fields)
        {
            w.WriteStartObject();
            w.WriteString("label", f.Label);
            w.WriteString("value", f.Value);
            w.WriteBoolean("short", f.IsShort);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sections");
        foreach (var s in m.Sections)
        {
            w.WriteStartObject();
            WriteOptional(w, "heading", s.Heading);
            w.WriteString("text", s.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("links");
        foreach (var l in m.Links)
        {
            w.WriteStartObject();
            w.WriteString("text", l.Text);
            w.WriteString("url", l.Url);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteButtons(w, m.Buttons);
        WriteFiles(w, m);
        WriteOptional(w, "threadKey", m.ThreadKey);
        WriteOptional(w, "updateKey", m.UpdateKey);
        w.WriteStartArray("keywords");
        foreach (var k in m.Keywords)
            w.WriteStringValue(k);
        w.WriteEndArray();
        w.WriteBoolean("generic", m.IsGeneric);
        WriteOptional(w, "account", m.Account);
        WriteOptional(w, "region", m.Region);
        if (m.OccurredAt is { } at)
            w.WriteString("occurredAt", at.ToUniversalTime());
        WriteOptional(w, "detailsUrl", m.DetailsUrl);
        w.WriteEndObject();
    }

    private static void WriteButtons(Utf8JsonWriter w, IReadOnlyList<MessageButton> buttons)
    {
        w.WriteStartArray("buttons");
        foreach (var b in buttons)
        {
            w.WriteStartObject();
            w.WriteString("label", b.Label);
            w.WriteString("actionId", b.ActionId);
            WriteOptional(w, "value", b.Value);
            w.WriteString("style", b.Style switch { ButtonStyle.Primary => "primary", ButtonStyle.Danger => "danger", _ => "default" });
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteFiles(Utf8JsonWriter w, ChatMessage m)
    {
        if (m.Image is { } image)
        {
            w.WriteStartObject("image");
            w.WriteString("fileName", image.FileName);
            w.WriteString("contentType", image.ContentType);
            w.WriteString("altText", image.AltText);
            w.WriteBase64String("dataBase64", image.Data.Span);
            w.WriteEndObject();
        }
        w.WriteStartArray("attachments");
        foreach (var a in m.Attachments)
        {
            w.WriteStartObject();
            w.WriteString("fileName", a.FileName);
            w.WriteString("contentType", a.ContentType);
            w.WriteString("content", a.Content);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }

    private static string SeverityName(Severity s) => s switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        Severity.Info => "info",
        Severity.Success => "success",
        _ => "none",
    };
}
