using System.Buffers;

namespace Crowsnest.Channels.Rendering;

/// <summary>
/// Reads the neutral markdown of <see cref="Messages.ChatMessage"/> (<c>**bold**</c>, <c>_italic_</c>,
/// <c>`code`</c>, fenced code, <c>[text](url)</c>, <c>- </c> lists, <c>\</c> escapes) and feeds a
/// <see cref="MarkdownSink"/>. Anything that is not well-formed markup is passed on as literal text.
/// </summary>
internal static class NeutralMarkdown
{
    private const int Unknown = int.MinValue;

    private static readonly SearchValues<char> InlineSpecials = SearchValues.Create("\\`*_[");

    /// <summary>Writes <paramref name="markdown"/> through <paramref name="sink"/>; the caller begins and finishes the sink.</summary>
    public static void Write(ReadOnlySpan<char> markdown, MarkdownSink sink)
    {
        markdown = markdown.TrimEnd("\r\n");
        var pos = 0;
        var first = true;
        while (pos <= markdown.Length && !sink.Truncated)
        {
            var rest = markdown[pos..];
            var nl = rest.IndexOf('\n');
            var line = (nl < 0 ? rest : rest[..nl]).TrimEnd('\r');
            var next = nl < 0 ? markdown.Length + 1 : pos + nl + 1;
            var trimmed = line.TrimStart(' ');
            if (trimmed.StartsWith("```"))
            {
                next = FencedBlock(markdown, next, sink, first);
            }
            else
            {
                var list = line.Length - trimmed.Length <= 3 && (trimmed.StartsWith("- ") || trimmed.StartsWith("* "));
                sink.StartLine(list, first);
                Inline(list ? trimmed[2..] : line, sink);
                sink.EndLine();
            }
            first = false;
            pos = next;
        }
    }

    private static int FencedBlock(ReadOnlySpan<char> md, int start, MarkdownSink sink, bool first)
    {
        var pos = start;
        while (pos < md.Length)
        {
            var rest = md[pos..];
            var nl = rest.IndexOf('\n');
            var line = nl < 0 ? rest : rest[..nl];
            if (line.TrimStart(' ').StartsWith("```"))
            {
                sink.CodeBlock(Slice(md, start, pos).TrimEnd("\r\n"), first);
                return nl < 0 ? md.Length + 1 : pos + nl + 1;
            }
            pos = nl < 0 ? md.Length : pos + nl + 1;
        }
        // An unclosed fence runs to the end, as CommonMark has it.
        sink.CodeBlock(Slice(md, start, md.Length).TrimEnd("\r\n"), first);
        return md.Length + 1;
    }

    private static ReadOnlySpan<char> Slice(ReadOnlySpan<char> s, int from, int to) =>
        from >= s.Length || to <= from ? [] : s[from..Math.Min(to, s.Length)];

    private static void Inline(ReadOnlySpan<char> s, MarkdownSink sink)
    {
        bool bold = false, italic = false;
        int runStart = 0, i = 0;
        // Where the next closer is, remembered so that long lines cost linear time, not quadratic.
        int nextBold = Unknown, nextTick = Unknown, nextItalic = Unknown, nextLink = Unknown;
        while (i < s.Length && !sink.Truncated)
        {
            var skip = s[i..].IndexOfAny(InlineSpecials);
            if (skip < 0)
                break;
            i += skip;
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length && IsEscapable(s[i + 1]))
            {
                sink.Plain(s[runStart..i]);
                runStart = i + 1;
                i += 2;
                continue;
            }
            var consumed = c switch
            {
                '`' => TryCode(s, i, Next(s, i + 1, "`", ref nextTick), sink, ref runStart),
                '*' when i + 1 < s.Length && s[i + 1] == '*' && (bold || Next(s, i + 3, "**", ref nextBold) >= 0) => Toggle(s, i, 2, sink, ref runStart, ref bold, isBold: true),
                '_' when (italic ? CanClose(s, i) : CanOpen(s, i) && NextItalicClose(s, i + 2, ref nextItalic) >= 0) => Toggle(s, i, 1, sink, ref runStart, ref italic, isBold: false),
                '[' => TryLink(s, i, Next(s, i + 1, "](", ref nextLink), sink, ref runStart),
                _ => 0,
            };
            i += consumed == 0 ? 1 : consumed;
        }
        if (runStart < s.Length)
            sink.Plain(s[runStart..]);
        if (italic)
            sink.Italic(false);
        if (bold)
            sink.Bold(false);
    }

    /// <summary>Index of <paramref name="token"/> at or after <paramref name="from"/>, or -1; <paramref name="cache"/> holds the last answer.</summary>
    private static int Next(ReadOnlySpan<char> s, int from, ReadOnlySpan<char> token, ref int cache)
    {
        if (cache == Unknown || (cache >= 0 && cache < from))
        {
            var k = from >= s.Length ? -1 : s[from..].IndexOf(token);
            cache = k < 0 ? -1 : from + k;
        }
        return cache;
    }

    private static int NextItalicClose(ReadOnlySpan<char> s, int from, ref int cache)
    {
        if (cache == Unknown || (cache >= 0 && cache < from))
        {
            cache = -1;
            for (var j = from; j < s.Length; j++)
            {
                if (s[j] == '_' && CanClose(s, j))
                {
                    cache = j;
                    break;
                }
            }
        }
        return cache;
    }

    private static int Toggle(ReadOnlySpan<char> s, int i, int width, MarkdownSink sink, ref int runStart, ref bool state, bool isBold)
    {
        sink.Plain(s[runStart..i]);
        state = !state;
        if (isBold)
            sink.Bold(state);
        else
            sink.Italic(state);
        runStart = i + width;
        return width;
    }

    private static int TryCode(ReadOnlySpan<char> s, int i, int close, MarkdownSink sink, ref int runStart)
    {
        if (close <= i + 1)
            return 0;
        sink.Plain(s[runStart..i]);
        sink.Code(s[(i + 1)..close]);
        runStart = close + 1;
        return close + 1 - i;
    }

    private static int TryLink(ReadOnlySpan<char> s, int i, int mid, MarkdownSink sink, ref int runStart)
    {
        if (mid < 0)
            return 0;
        var text = s[(i + 1)..mid];
        // Link labels are short; a "[" far from the next "](" is literal text, which also bounds the work per "[".
        if (text.Length > 1000 || text.Contains('['))
            return 0;
        var afterText = s[(mid + 2)..];
        var endUrl = afterText[..Math.Min(afterText.Length, 3002)].IndexOf(')');
        if (endUrl < 0)
            return 0;
        var url = afterText[..endUrl].Trim();
        if (!SafeUrl.IsAllowed(url))
            return 0;
        sink.Plain(s[runStart..i]);
        sink.Link(text.IsEmpty ? url : text, url);
        var end = mid + 2 + endUrl + 1;
        runStart = end;
        return end - i;
    }

    private static bool IsEscapable(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    private static bool CanOpen(ReadOnlySpan<char> s, int i) =>
        (i == 0 || !char.IsLetterOrDigit(s[i - 1])) && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]) && s[i + 1] != '_';

    private static bool CanClose(ReadOnlySpan<char> s, int i) =>
        i > 0 && !char.IsWhiteSpace(s[i - 1]) && (i + 1 == s.Length || !char.IsLetterOrDigit(s[i + 1]));
}
