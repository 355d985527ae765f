using System.Text;

namespace Crowsnest.Commands.Parse;

/// <summary>
/// Splits a chat command into words the way a POSIX shell would: whitespace separates, single quotes are literal,
/// double quotes allow <c>\"</c> and <c>\\</c>, a backslash outside quotes escapes the next character. Curly quotes
/// (which phones type) count as straight ones.
/// </summary>
public static class CommandTokenizer
{
    /// <summary>Returns the words, or null and an error naming where the input went wrong.</summary>
    public static IReadOnlyList<string>? Tokenize(string text, out string? error)
    {
        error = null;
        var input = Normalize(text);
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            switch (c)
            {
                case '\'':
                    var close = input.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        error = $"Unclosed quote (') starting at: {Excerpt(input, i)}";
                        return null;
                    }
                    current.Append(input, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    i++;
                    while (i < input.Length && input[i] != '"')
                    {
                        if (input[i] == '\\' && i + 1 < input.Length && input[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }
                        current.Append(input[i]);
                        i++;
                    }
                    if (i >= input.Length)
                    {
                        error = $"Unclosed quote (\") in: {Excerpt(input, input.LastIndexOf('"'))}";
                        return null;
                    }
                    break;
                case '\\' when i + 1 < input.Length:
                    current.Append(input[++i]);
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }
        if (inWord)
        {
            words.Add(current.ToString());
        }
        return words;
    }

    private static string Normalize(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && trimmed[0] == '`' && trimmed[^1] == '`')
        {
            trimmed = trimmed.Trim('`').Trim();
        }
        return trimmed
            .Replace('\u2018', '\'').Replace('\u2019', '\'')
            .Replace('\u201C', '"').Replace('\u201D', '"')
            .Replace('\u00A0', ' ');
    }

    private static string Excerpt(string input, int at) =>
        input.Length - at > 30 ? string.Concat(input.AsSpan(at, 30), "…") : input[at..];
}
