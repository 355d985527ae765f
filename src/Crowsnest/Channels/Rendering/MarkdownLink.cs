namespace Crowsnest.Channels.Rendering;

/// <summary>Writes <c>[label](url)</c> for markdown dialects, escaping what would end the label or the URL early.</summary>
internal static class MarkdownLink
{
    public static bool TryAppend(TextBuffer o, ReadOnlySpan<char> text, ReadOnlySpan<char> url)
    {
        var mark = o.Length;
        if (o.TryAppend('[') && AppendLabel(o, text) && o.TryAppend("](") && AppendUrl(o, url) && o.TryAppend(')'))
            return true;
        o.RollBack(mark);
        return false;
    }

    private static bool AppendLabel(TextBuffer o, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var ok = c switch
            {
                '[' or ']' or '\\' => o.TryAppend('\\') && o.TryAppend(c),
                '\r' or '\n' => o.TryAppend(' '),
                // Chime turns "@All" into a mention; a zero-width space keeps labels inert (and is invisible elsewhere).
                '@' => o.TryAppend("@\u200B"),
                _ => o.TryAppend(c),
            };
            if (!ok)
                return false;
        }
        return true;
    }

    private static bool AppendUrl(TextBuffer o, ReadOnlySpan<char> url)
    {
        // Outside mailto, "@" is encoded too, so no part of a URL can read as a Chime mention.
        var mailto = url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
        foreach (var c in url)
        {
            var ok = c switch
            {
                '(' => o.TryAppend("%28"),
                ')' => o.TryAppend("%29"),
                '<' => o.TryAppend("%3C"),
                '>' => o.TryAppend("%3E"),
                '"' => o.TryAppend("%22"),
                '@' when !mailto => o.TryAppend("%40"),
                _ => o.TryAppend(c),
            };
            if (!ok)
                return false;
        }
        return true;
    }
}
