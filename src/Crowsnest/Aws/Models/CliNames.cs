using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Crowsnest.Aws.Models;

/// <summary>botocore's <c>xform_name(name, '-')</c>: API names (PascalCase) to AWS CLI names (kebab-case).</summary>
public static partial class CliNames
{
    // botocore's hard-coded _xform_cache entries, expressed as the spelling that the regular rules then transform.
    private static readonly (string From, string To)[] Special =
    [
        ("CachediSCSI", "CachedIscsi"), ("StorediSCSI", "StoredIscsi"), ("HITs", "Hits"), ("PartiQL", "Partiql"),
        ("WhatsApp", "Whatsapp"), ("OTel", "Otel"),
    ];

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string FromApiName(string name) => Cache.GetOrAdd(name, Transform);

    private static string Transform(string name)
    {
        if (name.Contains('-', StringComparison.Ordinal))
        {
            return name;
        }
        foreach (var (from, to) in Special)
        {
            name = name.Replace(from, to, StringComparison.Ordinal);
        }
        var plural = AcronymPlural().Match(name);
        if (plural.Success)
        {
            name = string.Concat(name.AsSpan(0, plural.Index), "-", plural.Value.ToLowerInvariant());
        }
        var s1 = FirstCap().Replace(name, "$1-$2");
        return EndCap().Replace(s1, "$1-$2").ToLowerInvariant();
    }

    /// <summary>Levenshtein distance, for "did you mean" suggestions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The closest candidates to <paramref name="word"/> (at most <paramref name="count"/>), best first.</summary>
    public static IReadOnlyList<string> Nearest(string word, IEnumerable<string> candidates, int count = 3)
    {
        var limit = Math.Max(2, word.Length / 2);
        return [.. candidates
            .Select(c => (c, d: c.StartsWith(word, StringComparison.Ordinal) || c.Contains(word, StringComparison.Ordinal) && word.Length > 3 ? 1 : Distance(word, c)))
            .Where(x => x.d <= limit)
            .OrderBy(x => x.d).ThenBy(x => x.c, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.c)];
    }

    internal static string Join(IReadOnlyList<string> words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            sb.Append(i == 0 ? "" : i == words.Count - 1 ? " or " : ", ").Append(words[i]);
        }
        return sb.ToString();
    }

    [GeneratedRegex("[A-Z]{2,}s$")]
    private static partial Regex AcronymPlural();

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex FirstCap();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex EndCap();
}
