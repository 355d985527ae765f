namespace Crowsnest.Notifications.Ingest;

/// <summary>Splits a full HTTP request written as text (request line, headers, blank line, body).</summary>
internal static class HttpRequestText
{
    private static readonly string[] Methods = ["POST ", "PUT ", "GET "];

    public static bool TryParse(string text, out IReadOnlyDictionary<string, string> headers, out string body)
    {
        headers = new Dictionary<string, string>();
        body = string.Empty;
        if (!Methods.Any(m => text.StartsWith(m, StringComparison.Ordinal)))
        {
            return false;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstLineEnd < 0 || !text.AsSpan(0, firstLineEnd).Contains(" HTTP/", StringComparison.Ordinal))
        {
            return false;
        }

        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = firstLineEnd + 1;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                end = text.Length;
            }

            // Published examples indent header lines; a line of only whitespace ends the headers.
            var line = text.AsSpan(position, end - position).Trim();
            position = end + 1;
            if (line.IsEmpty)
            {
                break;
            }

            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                parsed[line[..colon].Trim().ToString()] = line[(colon + 1)..].Trim().ToString();
            }
        }

        headers = parsed;
        body = position < text.Length ? text[position..] : string.Empty;
        return true;
    }
}
