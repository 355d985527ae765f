using System.Text.Json;
using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Chime;

/// <summary>
/// Amazon Chime incoming-webhook renderer: <c>{"Content":"/md ..."}</c>, the whole body within
/// <see cref="ChimeLimits.MaxPayloadBytes"/> UTF-8 bytes.
/// </summary>
public sealed class ChimeRenderer : IMessageRenderer
{
    // {"Content":""}
    private const int Envelope = 14;

    private static readonly JsonEncodedText ContentProperty = JsonEncodedText.Encode("Content");

    private ChimeRenderer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static ChimeRenderer Instance { get; } = new();

    public string Platform => "chime";

    public RenderedPayload Render(ChatMessage message, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var scratch = RenderScratch.Rent();
        try
        {
            var limit = ChimeLimits.MaxPayloadBytes - Envelope;
            while (true)
            {
                var trimmed = ChimeContentWriter.Write(scratch.Text, scratch.Text2, message, limit);
                var w = scratch.StartJson();
                w.WriteStartObject();
                JsonStrings.Write(w, ContentProperty, scratch.Text.Span);
                w.WriteEndObject();
                var size = scratch.JsonLength();
                if (size <= ChimeLimits.MaxPayloadBytes)
                    return new RenderedPayload(Platform, "application/json; charset=utf-8", scratch.FinishJson(), trimmed || limit < ChimeLimits.MaxPayloadBytes - Envelope);
                // Escapes and multi-byte characters made the body longer than the text: shrink by the overshoot.
                limit = (int)(limit * (ChimeLimits.MaxPayloadBytes / (double)size)) - 16;
            }
        }
        finally
        {
            RenderScratch.Return(scratch);
        }
    }
}
