namespace Crowsnest.Notifications.Events.Support;

/// <summary>Reads the two text shapes AWS publishes: <c>Key: Value</c> lines and CloudFormation's <c>Key='value'</c> lines.</summary>
internal static class TextFields
{
    /// <summary><c>Key: Value</c> lines (keys without spaces at the start of a line); later lines of a value are appended.</summary>
    public static Dictionary<string, string> Colon(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lookup = fields.GetAlternateLookup<ReadOnlySpan<char>>();
        var all = text.AsSpan();
        foreach (var range in all.Split('\n'))
        {
            var line = all[range].TrimEnd('\r').Trim();
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || colon > 40)
            {
                continue;
            }

            var key = line[..colon];
            if (!key.Contains("http", StringComparison.OrdinalIgnoreCase))
            {
                lookup.TryAdd(key, line[(colon + 2)..].Trim().ToString());
            }
        }

        return fields;
    }

    /// <summary>
    /// CloudFormation's <c>Key='value'</c> lines (the text trimmed first); a value may contain quotes and run over
    /// several lines.
    /// </summary>
    public static Dictionary<string, string> Quoted(string text)
    {
        // A value's continuation lines follow it in the text, so each value is one slice of it (after CRLF became LF)
        // and one string, rather than a string per line joined again.
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var all = normalized.AsSpan().Trim();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        int valueStart = 0, valueEnd = 0;
        foreach (var range in all.Split('\n'))
        {
            var line = all[range];
            var equals = line.IndexOf("='", StringComparison.Ordinal);
            if (equals > 0 && line[..equals].IndexOfAny(" \t\"{") < 0)
            {
                Flush(fields, key, all[valueStart..valueEnd]);
                key = line[..equals].ToString();
                valueStart = range.Start.Value + equals + 2;
            }

            valueEnd = Math.Max(valueStart, range.End.Value);
        }

        Flush(fields, key, all[valueStart..valueEnd]);
        return fields;
    }

    private static void Flush(Dictionary<string, string> fields, string? key, ReadOnlySpan<char> value)
    {
        if (key is null)
        {
            return;
        }

        value = value.TrimEnd();
        if (value.EndsWith('\''))
        {
            value = value[..^1];
        }

        fields[key] = value.ToString();
    }
}
