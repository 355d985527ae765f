using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Crowsnest.Channels.Rendering;

/// <summary>
/// Writes JSON string values from UTF-16 text in one pass: only what JSON requires is escaped (quotation mark,
/// reverse solidus, control characters) and everything else goes out as UTF-8, emoji included. The writer's own
/// escaping goes through a general web encoder (and writes every emoji as two <c>\u</c> escapes); on the text of a
/// Slack message it took a tenth of the render.
/// </summary>
internal static class JsonStrings
{
    private const string Hex = "0123456789abcdef";

    private static readonly SearchValues<char> MustEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    [ThreadStatic]
    private static byte[]? _buffer;

    /// <summary>Writes <c>"property": "value"</c>.</summary>
    public static void Write(Utf8JsonWriter w, JsonEncodedText property, ReadOnlySpan<char> value)
    {
        w.WritePropertyName(property);
        WriteValue(w, value);
    }

    /// <summary>Writes <paramref name="value"/> as a JSON string; a lone surrogate becomes U+FFFD.</summary>
    public static void WriteValue(Utf8JsonWriter w, ReadOnlySpan<char> value)
    {
        // Six bytes per char covers the worst case (every char a \u00XX escape; UTF-8 takes at most three).
        var worst = (value.Length * 6) + 2;
        var buffer = _buffer;
        if (buffer is null || buffer.Length < worst)
        {
            _buffer = buffer = new byte[Math.Max(worst, 16 * 1024)];
        }

        var length = Encode(value, buffer);
        w.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
    }

    /// <summary>The quoted, escaped UTF-8 form of <paramref name="value"/> in <paramref name="output"/>; returns its length.</summary>
    internal static int Encode(ReadOnlySpan<char> value, Span<byte> output)
    {
        output[0] = (byte)'"';
        var at = 1;
        while (true)
        {
            var next = value.IndexOfAny(MustEscape);
            var run = next < 0 ? value : value[..next];
            Utf8.FromUtf16(run, output[at..], out _, out var written, replaceInvalidSequences: true);
            at += written;
            if (next < 0)
            {
                break;
            }

            at += Escape(value[next], output[at..]);
            value = value[(next + 1)..];
        }

        output[at++] = (byte)'"';
        return at;
    }

    private static int Escape(char c, Span<byte> output)
    {
        output[0] = (byte)'\\';
        var shortForm = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            '\b' => 'b',
            '\f' => 'f',
            _ => '\0',
        };
        if (shortForm != '\0')
        {
            output[1] = (byte)shortForm;
            return 2;
        }

        output[1] = (byte)'u';
        output[2] = (byte)'0';
        output[3] = (byte)'0';
        output[4] = (byte)Hex[c >> 4];
        output[5] = (byte)Hex[c & 0xF];
        return 6;
    }
}
