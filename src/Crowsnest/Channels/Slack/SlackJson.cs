using System.Text.Json;
using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Slack;

/// <summary>Pre-encoded Block Kit property names and values.</summary>
internal static class SlackJson
{
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    public static readonly JsonEncodedText Mrkdwn = JsonEncodedText.Encode("mrkdwn");
    public static readonly JsonEncodedText PlainTextType = JsonEncodedText.Encode("plain_text");
    public static readonly JsonEncodedText Emoji = JsonEncodedText.Encode("emoji");
    public static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");
    public static readonly JsonEncodedText Fields = JsonEncodedText.Encode("fields");
    public static readonly JsonEncodedText Elements = JsonEncodedText.Encode("elements");
    public static readonly JsonEncodedText Context = JsonEncodedText.Encode("context");

    public static void MrkdwnText(Utf8JsonWriter w, ReadOnlySpan<char> text)
    {
        w.WriteStartObject();
        w.WriteString(Type, Mrkdwn);
        JsonStrings.Write(w, Text, text);
        w.WriteEndObject();
    }

    public static void PlainText(Utf8JsonWriter w, JsonEncodedText property, ReadOnlySpan<char> text)
    {
        w.WriteStartObject(property);
        w.WriteString(Type, PlainTextType);
        JsonStrings.Write(w, Text, text);
        w.WriteBoolean(Emoji, true);
        w.WriteEndObject();
    }

    public static void MrkdwnSection(Utf8JsonWriter w, ReadOnlySpan<char> text)
    {
        w.WriteStartObject();
        w.WriteString(Type, Section);
        w.WritePropertyName(Text);
        MrkdwnText(w, text);
        w.WriteEndObject();
    }

    public static void MrkdwnContext(Utf8JsonWriter w, ReadOnlySpan<char> text)
    {
        w.WriteStartObject();
        w.WriteString(Type, Context);
        w.WriteStartArray(Elements);
        MrkdwnText(w, text);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
