using System.Buffers;
using System.Text.Json;

namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>
/// One frame Slack sent over a Socket Mode connection: <c>hello</c>, <c>disconnect</c>, or an envelope
/// (<c>events_api</c>, <c>interactive</c>, <c>slash_commands</c>) with its id and payload; a <c>hello</c> carries
/// the app the connection was opened for (<c>connection_info.app_id</c>).
/// </summary>
internal sealed record SocketFrame(string Type, string? EnvelopeId, JsonElement Payload, bool AcceptsResponsePayload, int RetryAttempt, string? Reason,
    string? ConnectionAppId = null)
{
    public bool IsEnvelope => EnvelopeId is not null;

    /// <summary>Reads a frame; null when it is not a JSON object with a <c>type</c>. The payload is detached from the buffer.</summary>
    public static SocketFrame? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            return new SocketFrame(
                type.GetString()!,
                Str(root, "envelope_id"),
                root.TryGetProperty("payload", out var payload) ? payload.Clone() : default,
                root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
                root.TryGetProperty("retry_attempt", out var retry) && retry.TryGetInt32(out var n) ? n : 0,
                Str(root, "reason"),
                root.TryGetProperty("connection_info", out var info) && info.ValueKind == JsonValueKind.Object ? Str(info, "app_id") : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The ack: <c>{"envelope_id":…}</c>, with <c>"payload"</c> when Slack accepts one and the handler gave one.</summary>
    public byte[] Ack(SlackAck ack)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("envelope_id", EnvelopeId);
            if (AcceptsResponsePayload && ack.JsonBody is { Length: > 0 } body)
            {
                w.WritePropertyName("payload");
                w.WriteRawValue(body);
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A slash command's fields as the HTTP form would carry them.</summary>
    public IReadOnlyDictionary<string, string> SlashFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Payload.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in Payload.EnumerateObject())
            {
                fields[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }
        return fields;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
