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

    /// <summary>CloudFormation's <c>Key='value'</c> lines; a value may contain quotes and run over several lines.</summary>
    public static Dictionary<string, string> Quoted(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? key = null;
        var value = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            var equals = line.IndexOf("='", StringComparison.Ordinal);
            var startsField = equals > 0 && line.AsSpan(0, equals).IndexOfAny(" \t\"{") < 0;
            if (startsField)
            {
                Flush(fields, key, value);
                key = line[..equals];
                value.Clear().Append(line, equals + 2, line.Length - equals - 2);
            }
            else if (key is not null)
            {
                value.Append('\n').Append(line);
            }
        }

        Flush(fields, key, value);
        return fields;
    }

    private static void Flush(Dictionary<string, string> fields, string? key, System.Text.StringBuilder value)
    {
        if (key is null)
        {
            return;
        }

        var text = value.ToString().TrimEnd();
        if (text.EndsWith('\''))
        {
            text = text[..^1];
        }

        fields[key] = text;
    }
}
