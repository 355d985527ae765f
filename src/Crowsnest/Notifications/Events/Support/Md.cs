namespace Crowsnest.Notifications.Events.Support;

/// <summary>Builds neutral markdown (see <c>ChatMessage</c>) from values that came from AWS.</summary>
internal static class Md
{
    /// <summary>An inline code span (identifiers, ARNs): backticks inside are replaced so the span cannot break.</summary>
    public static string? Code(string? value) =>
        string.IsNullOrEmpty(value) ? null : "`" + value.Replace('`', '\'') + "`";

    /// <summary>Bold text.</summary>
    public static string? Bold(string? value) => string.IsNullOrEmpty(value) ? null : "**" + value + "**";

    /// <summary>A link; the text alone when there is no URL.</summary>
    public static string Link(string text, string? url) =>
        string.IsNullOrEmpty(url) ? text : $"[{text.Replace('[', '(').Replace(']', ')')}]({url})";

    /// <summary>A fenced code block.</summary>
    public static string CodeBlock(string text) => "```\n" + text.Replace("```", "'''", StringComparison.Ordinal) + "\n```";

    /// <summary>A bulleted list.</summary>
    public static string Bullets(IEnumerable<string> items) => string.Join('\n', items.Select(i => "- " + i));

    /// <summary>Cuts text to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>The first line of a text, cut to <paramref name="max"/> characters.</summary>
    public static string FirstLine(string text, int max = 150)
    {
        var span = text.AsSpan().Trim();
        var newline = span.IndexOfAny('\r', '\n');
        var line = (newline < 0 ? span : span[..newline]).Trim();
        // Most titles and summaries are one trimmed line already: no copy.
        return Truncate(line.Length == text.Length ? text : line.ToString(), max);
    }
}
