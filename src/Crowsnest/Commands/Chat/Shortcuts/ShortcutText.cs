using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Chat.Shortcuts;

/// <summary>Splits a shortcut's text into words after its leading command words.</summary>
public static class ShortcutText
{
    /// <summary>True when the text's first words are <paramref name="command"/> (case-insensitive).</summary>
    public static bool StartsWith(string text, params string[] command)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, command.Length + 1, StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= command.Length && command.Select((w, i) => string.Equals(words[i], w, StringComparison.OrdinalIgnoreCase)).All(x => x);
    }

    /// <summary>The words after the first <paramref name="skip"/>, or null and an error when the quoting is broken.</summary>
    public static IReadOnlyList<string>? After(string text, int skip, out string? error)
    {
        var words = CommandTokenizer.Tokenize(text, out error);
        return words is null ? null : [.. words.Skip(skip)];
    }
}
