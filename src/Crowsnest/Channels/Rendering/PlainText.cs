using Crowsnest.Messages;

namespace Crowsnest.Channels.Rendering;

/// <summary>Helpers for plain (non-markdown) text under a hard length limit.</summary>
internal static class PlainText
{
    public const char Ellipsis = '\u2026';

    /// <summary>
    /// <paramref name="text"/> itself when it fits in <paramref name="max"/> chars, else its first chars plus an
    /// ellipsis, copied into <paramref name="buffer"/>; line breaks become spaces when <paramref name="singleLine"/>.
    /// </summary>
    public static ReadOnlySpan<char> Fit(ReadOnlySpan<char> text, int max, TextBuffer buffer, bool singleLine = false)
    {
        if (text.Length <= max && (!singleLine || text.IndexOfAny('\r', '\n') < 0))
            return text;
        buffer.Reset(max - 1);
        AppendFitted(buffer, text, singleLine);
        return buffer.Span;
    }

    /// <summary>
    /// Appends <paramref name="text"/> up to the buffer's soft limit; when it is cut, ends it with an ellipsis
    /// (the caller reserves one char for it).
    /// </summary>
    public static void AppendFitted(TextBuffer buffer, ReadOnlySpan<char> text, bool singleLine)
    {
        while (!text.IsEmpty)
        {
            var k = singleLine ? text.IndexOfAny('\r', '\n') : -1;
            if (!buffer.AppendPartial(k < 0 ? text : text[..k]) || k < 0 || !buffer.TryAppend(' '))
                break;
            text = text[(k + 1)..];
        }
        if (buffer.Truncated)
            buffer.Force(Ellipsis);
    }

    /// <summary>Formats a time as <c>2026-11-28 00:16 UTC</c>.</summary>
    public static bool TryAppendTime(TextBuffer buffer, DateTimeOffset time)
    {
        Span<char> text = stackalloc char[UtcTimeText.LengthWithZone];
        UtcTimeText.WriteWithZone(text, time);
        return buffer.TryAppend(text);
    }
}
