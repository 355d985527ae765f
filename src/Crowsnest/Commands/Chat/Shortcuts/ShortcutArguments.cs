namespace Crowsnest.Commands.Chat.Shortcuts;

/// <summary>
/// A shortcut command's words split into positional values and options (<c>--name value</c>, <c>--name=value</c>,
/// or a bare <c>--flag</c>); <c>-</c>, <c>--</c> and an em dash all start an option, as for AWS commands.
/// </summary>
public sealed class ShortcutArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    private ShortcutArguments()
    {
    }

    /// <summary>The words that are not options or option values, in order.</summary>
    public IReadOnlyList<string> Positional { get; private set; } = [];

    /// <summary>Why the words could not be read (an option given twice), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Splits <paramref name="words"/>; <paramref name="flags"/> name the options that take no value.</summary>
    public static ShortcutArguments Read(IReadOnlyList<string> words, params string[] flags)
    {
        ArgumentNullException.ThrowIfNull(words);
        var result = new ShortcutArguments();
        var positional = new List<string>();
        string? error = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (OptionName(words[i]) is not { } name)
            {
                positional.Add(words[i]);
                continue;
            }
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                (name, value) = (name[..equals], name[(equals + 1)..]);
            }
            else if (!flags.Contains(name, StringComparer.OrdinalIgnoreCase) && i + 1 < words.Count)
            {
                value = words[++i];
            }
            if (!result._options.TryAdd(name, value))
            {
                error ??= $"--{name} is given twice.";
            }
        }
        result.Positional = positional;
        result.Error = error;
        return result;
    }

    /// <summary>Whether the option was given (with or without a value).</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The option's value, or null.</summary>
    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>Options given that are not in <paramref name="known"/>.</summary>
    public IReadOnlyList<string> Unknown(params string[] known) =>
        [.. _options.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).Select(k => "--" + k)];

    private static string? OptionName(string word) =>
        word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2 ? word[2..]
        : word.StartsWith('\u2014') && word.Length > 1 ? word[1..]
        : word.StartsWith('-') && word.Length > 1 && !char.IsAsciiDigit(word[1]) ? word[1..]
        : null;
}
