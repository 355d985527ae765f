using System.Globalization;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>Reads one number out of a JSON text without parsing the whole of it (for JSON nested in strings).</summary>
internal static class JsonScan
{
    /// <summary>The number after <paramref name="key"/> (written with its quotes and colon), or null.</summary>
    public static double? Number(string? json, string key)
    {
        if (json is null)
        {
            return null;
        }

        var index = json.IndexOf(key, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var span = json.AsSpan(index + key.Length).TrimStart();
        var end = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] is '-' or '+' or '.' or 'e' or 'E'))
        {
            end++;
        }

        return double.TryParse(span[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
