using System.Globalization;

namespace Crowsnest.Notifications.Recognize;

/// <summary>
/// Replaces <c>\uD800</c>-style escapes of unpaired UTF-16 surrogates in JSON text with <c>\uFFFD</c>. JSON allows them
/// syntactically, but System.Text.Json refuses to turn them into strings, so every <c>GetString()</c> of such a value
/// would throw; AWS never sends them, a fuzzer or a broken publisher may.
/// </summary>
internal static class LoneSurrogateEscapes
{
    /// <summary>
    /// True when UTF-8 JSON text has a <c>\uD</c> or <c>\ud</c>, the start of every surrogate escape: the cheap test
    /// (one byte search on most bodies) before <see cref="Repair"/>.
    /// </summary>
    public static bool MayBeIn(ReadOnlySpan<byte> utf8)
    {
        for (var at = utf8.IndexOf("\\u"u8); at >= 0; at = utf8.IndexOf("\\u"u8))
        {
            if (at + 2 < utf8.Length && (utf8[at + 2] | 0x20) == 'd')
            {
                return true;
            }

            utf8 = utf8[(at + 2)..];
        }

        return false;
    }

    /// <summary>The text with unpaired surrogate escapes replaced, or the same span when it has none.</summary>
    public static ReadOnlySpan<char> Repair(ReadOnlySpan<char> json)
    {
        if (!json.Contains("\\u", StringComparison.Ordinal))
        {
            return json;
        }
        char[]? copy = null;
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != '\\')
            {
                // Jump to the next backslash: escapes are rare in long bodies.
                var skip = json[i..].IndexOf('\\');
                if (skip < 0)
                {
                    break;
                }

                i += skip;
                if (i >= json.Length - 1)
                {
                    break;
                }
            }
            if (json[i + 1] != 'u' || !TryUnit(json, i, out var unit))
            {
                i++; // an escaped character, e.g. "\\" followed by "u": not an escape of its own
                continue;
            }
            if (char.IsHighSurrogate(unit) && TryUnit(json, i + 6, out var next) && char.IsLowSurrogate(next))
            {
                i += 11;
                continue;
            }
            if (char.IsSurrogate(unit))
            {
                copy ??= json.ToArray();
                "\\uFFFD".AsSpan().CopyTo(copy.AsSpan(i));
            }
            i += 5;
        }
        return copy ?? json;
    }

    private static bool TryUnit(ReadOnlySpan<char> json, int at, out char unit)
    {
        unit = default;
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u'
            || !ushort.TryParse(json.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        unit = (char)value;
        return true;
    }
}
