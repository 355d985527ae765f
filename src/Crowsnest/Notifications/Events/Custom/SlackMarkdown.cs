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

        var converted = Bold().Replace(text, "**$1**");
        converted = LabelledLink().Replace(converted, m => $"[{m.Groups[2].Value}]({m.Groups[1].Value})");
        converted = BareLink().Replace(converted, "$1");
        return converted.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>Plain text for titles: bold markers dropped, links reduced to their text, escapes decoded.</summary>
    public static string ToPlain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var plain = Bold().Replace(text, "$1");
        plain = LabelledLink().Replace(plain, "$2");
        plain = BareLink().Replace(plain, "$1");
        return plain.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![*\w])\*(?![\s*])([^*\n]+?)(?<!\s)\*(?![*\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();

    [GeneratedRegex(@"<((?:https?|mailto):[^|>\s]+)\|([^>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledLink();

    [GeneratedRegex(@"<((?:https?|mailto):[^|>\s]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex BareLink();
}
