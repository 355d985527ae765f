using System.Text;

namespace Crowsnest.Notifications.Actions;

/// <summary>
/// Fills <c>$name</c> (or <c>${name}</c>) placeholders of a command text with values, quoted so that each value
/// stays one word for the command tokenizer whatever it contains (spaces, quotes, <c>$</c>): single-quoted outside
/// quotes, escaped inside double quotes, and with its single quotes escaped inside single quotes. Placeholders
/// without a value are left as they are (the command flow asks for them).
/// </summary>
public static class CommandTemplate
{
    /// <summary>The command text with every known placeholder replaced.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder(template.Length);
        var quote = '\0';
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '$')
            {
                if (Placeholder(template, i, values) is { } found)
                {
                    output.Append(Quote(found.Value, quote));
                    i += found.Length - 1;
                    continue;
                }
            }
            else if (c == '\\' && quote != '\'' && i + 1 < template.Length)
            {
                output.Append(c).Append(template[++i]);
                continue;
            }
            else if (c is '\'' or '"' && (quote == '\0' || quote == c))
            {
                quote = quote == '\0' ? c : '\0';
            }
            output.Append(c);
        }
        return output.ToString();
    }

    /// <summary>The placeholder names used in a command text, in order of first use.</summary>
    public static IReadOnlyList<string> Names(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '$' && NameAt(template, i) is { } name && !names.Contains(name.Name, StringComparer.Ordinal))
            {
                names.Add(name.Name);
            }
        }
        return names;
    }

    /// <summary>One word as the tokenizer reads it: left bare when it is plain, single-quoted otherwise.</summary>
    public static string QuoteWord(string value) => Quote(value, '\0');

    private static (string Value, int Length)? Placeholder(string text, int at, IReadOnlyDictionary<string, string> values) =>
        NameAt(text, at) is { } name && values.TryGetValue(name.Name, out var value) ? (value, name.Length) : null;

    private static (string Name, int Length)? NameAt(string text, int at)
    {
        var braced = at + 1 < text.Length && text[at + 1] == '{';
        var start = at + (braced ? 2 : 1);
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
        {
            end++;
        }
        // A trailing dash belongs to the text ("$name-suffix" is rare; "--opt $name-" rarer still).
        while (!braced && end > start && text[end - 1] == '-')
        {
            end--;
        }
        if (end == start || braced && (end >= text.Length || text[end] != '}'))
        {
            return null;
        }
        return (text[start..end], end - at + (braced ? 1 : 0));
    }

    private static string Quote(string value, char context) => context switch
    {
        '\'' => value.Replace("'", "'\"'\"'", StringComparison.Ordinal),
        '"' => EscapeDouble(value),
        _ when value.Length > 0 && value.All(Plain) => value,
        _ => "'" + value.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'",
    };

    private static bool Plain(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '@' or '+' or '=' or ',' or '%';

    private static string EscapeDouble(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '$' or '`')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
