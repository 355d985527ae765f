using System.Text;
using System.Text.Json;
using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Webhook;

/// <summary>
/// Generic webhook renderer: <c>{"version":"1.0","message":{...},"event":...}</c> — the neutral message plus the
/// original event, embedded as JSON when it is JSON and as a string otherwise (<c>eventFormat</c> says which).
/// </summary>
public sealed class WebhookRenderer : IMessageRenderer
{
    private WebhookRenderer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static WebhookRenderer Instance { get; } = new();

    public string Platform => "webhook";

    /// <summary>Renders with the original event taken from <see cref="RenderOptions.OriginalEvent"/>.</summary>
    public RenderedPayload Render(ChatMessage message, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Render(message, options.OriginalEvent);
    }

    /// <summary>Renders with the original event as text (JSON or not; <c>null</c> for none).</summary>
    public RenderedPayload Render(ChatMessage message, string? originalEvent)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = originalEvent is null ? null : Encoding.UTF8.GetBytes(originalEvent.TrimStart('\uFEFF'));
        var isJson = json is not null && IsWellFormedJson(json);
        return Write(message, w =>
        {
            if (json is null)
                return;
            w.WriteString("eventFormat", isJson ? "json" : "text");
            if (isJson)
            {
                w.WritePropertyName("event");
                w.WriteRawValue(json, skipInputValidation: true);
            }
            else
            {
                w.WriteString("event", originalEvent);
            }
        });
    }

    /// <summary>Renders with the original event as an already parsed JSON element.</summary>
    public RenderedPayload Render(ChatMessage message, JsonElement originalEvent)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Write(message, w =>
        {
            w.WriteString("eventFormat", "json");
            w.WritePropertyName("event");
            originalEvent.WriteTo(w);
        });
    }

    private RenderedPayload Write(ChatMessage message, Action<Utf8JsonWriter> writeEvent)
    {
        var scratch = RenderScratch.Rent();
        try
        {
            var w = scratch.StartJson();
            w.WriteStartObject();
            w.WriteString("version", "1.0");
            WebhookPayloadWriter.WriteMessage(w, message);
            writeEvent(w);
            w.WriteEndObject();
            return new RenderedPayload(Platform, "application/json; charset=utf-8", scratch.FinishJson(), Trimmed: false);
        }
        finally
        {
            RenderScratch.Return(scratch);
        }
    }

    private static bool IsWellFormedJson(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            while (reader.Read())
            {
            }
            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            // Plain SNS text is an expected input here, not a bug: it is embedded as a string instead.
            return false;
        }
    }
}
