using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Crowsnest.Channels.Rendering;

/// <summary>
/// Per-thread reusable buffers for rendering: one UTF-8 output buffer with its <see cref="Utf8JsonWriter"/> and a
/// few text buffers, so a render allocates little more than the final byte array.
/// </summary>
internal sealed class RenderScratch
{
    [ThreadStatic]
    private static RenderScratch? _cached;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The payloads are posted as JSON, never embedded in HTML, so HTML-sensitive characters need no escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _bytes = new(16 * 1024);

    private RenderScratch() => Json = new Utf8JsonWriter(_bytes, WriterOptions);

    public Utf8JsonWriter Json { get; }

    public TextBuffer Text { get; } = new();

    public TextBuffer Text2 { get; } = new();

    /// <summary>Takes this thread's scratch (or a new one when it is already in use).</summary>
    public static RenderScratch Rent()
    {
        var scratch = _cached ?? new RenderScratch();
        _cached = null;
        return scratch;
    }

    public static void Return(RenderScratch scratch) => _cached = scratch;

    /// <summary>Clears the output and returns the JSON writer positioned at the start.</summary>
    public Utf8JsonWriter StartJson()
    {
        _bytes.ResetWrittenCount();
        Json.Reset(_bytes);
        return Json;
    }

    /// <summary>Bytes written so far by <see cref="Json"/> (flushed).</summary>
    public int JsonLength()
    {
        Json.Flush();
        return _bytes.WrittenCount;
    }

    public byte[] FinishJson()
    {
        Json.Flush();
        return _bytes.WrittenSpan.ToArray();
    }
}
