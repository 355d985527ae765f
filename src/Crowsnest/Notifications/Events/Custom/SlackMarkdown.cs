using System.Text.RegularExpressions;

namespace Crowsnest.Notifications.Events.Custom;

/// <summary>
/// Converts the Slack-style markdown AWS Chatbot custom notifications are written in (<c>*bold*</c>,
/// <c>&lt;url|text&gt;</c>, <c>&amp;lt;</c> escapes) to Crowsnest's neutral markdown (<c>**bold**</c>, <c>[text](url)</c>).
/// Italic (<c>_x_</c>), code, emoji shortcodes and mentions are the same in both and pass through.
/// </summary>
public static partial class SlackMarkdown
{
    /// <summary>Converts one text.</summary>
    public static string ToNeutral(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Evaluators rather than "$1"-style patterns: a Regex keeps one parsed replacement pattern, so the two patterns
        // these methods take turns with on one Regex were parsed again on every call. A regex runs only when its
        // marker is in the text.
        var converted = text.Contains('*') ? Bold().Replace(text, static m => $"**{m.Groups[1].Value}**") : text;
        if (converted.Contains('<'))
        {
            converted = LabelledLink().Replace(converted, static m => $"[{m.Groups[2].Value}]({m.Groups[1].Value})");
            converted = BareLink().Replace(converted, static m => m.Groups[1].Value);
        }

        return Decode(converted);
    }

    /// <summary>Plain text for titles: bold markers dropped, links reduced to their text, escapes decoded.</summary>
    public static string ToPlain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var plain = text.Contains('*') ? Bold().Replace(text, static m => m.Groups[1].Value) : text;
        if (plain.Contains('<'))
        {
            plain = LabelledLink().Replace(plain, static m => m.Groups[2].Value);
            plain = BareLink().Replace(plain, static m => m.Groups[1].Value);
        }

        return Decode(plain);
    }

    private static string Decode(string text) => !text.Contains('&') ? text
        : text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![*\w])\*(?![\s*])([^*\n]+?)(?<!\s)\*(?![*\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();

    [GeneratedRegex(@"<((?:https?|mailto):[^|>\s]+)\|([^>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledLink();

    [GeneratedRegex(@"<((?:https?|mailto):[^|>\s]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex BareLink();
}
