using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.Commands.Execute.Output;

/// <summary>
/// The AWS CLI's <c>--output table</c> in outline: a box titled with the operation name; scalars as a row of
/// columns under their names (sorted), lists of structures as rows, nested values as titled sub-tables.
/// </summary>
public static class CliTableWriter
{
    public static string Write(string title, JsonNode? node)
    {
        var lines = new List<string>();
        Section(lines, title, node);
        var width = lines.Count == 0 ? title.Length + 4 : lines.Max(l => l.Length);
        var sb = new StringBuilder();
        var rule = new string('-', width);
        sb.Append(rule).Append('\n');
        foreach (var line in lines)
        {
            sb.Append(line.StartsWith('+') ? line.PadRight(width - 1, '-') + "+" : line.PadRight(width - 1) + "|").Append('\n');
        }
        return sb.ToString();
    }

    private static void Section(List<string> lines, string title, JsonNode? node)
    {
        lines.Add(Center(title));
        switch (node)
        {
            case JsonObject obj:
                var scalars = obj.Where(p => p.Value is not (JsonObject or JsonArray)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                if (scalars.Count > 0)
                {
                    Grid(lines, [.. scalars.Select(p => p.Key)], [[.. scalars.Select(p => CliTextWriter.Scalar(p.Value))]]);
                }
                foreach (var (k, v) in obj.Where(p => p.Value is JsonObject or JsonArray).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Nested(lines, k, v);
                }
                break;
            case JsonArray list when list.All(e => e is JsonObject):
                var keys = list.OfType<JsonObject>().SelectMany(o => o.Where(p => p.Value is not (JsonObject or JsonArray)).Select(p => p.Key))
                    .Distinct().Order(StringComparer.Ordinal).ToList();
                if (keys.Count > 0)
                {
                    Grid(lines, keys, [.. list.OfType<JsonObject>().Select(o => keys.Select(k => o.TryGetPropertyValue(k, out var v) ? CliTextWriter.Scalar(v) : "").ToList())]);
                }
                foreach (var o in list.OfType<JsonObject>())
                {
                    foreach (var (k, v) in o.Where(p => p.Value is JsonObject or JsonArray).OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        Nested(lines, k, v);
                    }
                }
                break;
            case JsonArray list:
                Grid(lines, [], [.. list.Select(e => new List<string> { CliTextWriter.Scalar(e) })]);
                break;
            default:
                lines.Add("|" + CliTextWriter.Scalar(node));
                break;
        }
    }

    private static void Nested(List<string> lines, string title, JsonNode? node)
    {
        var inner = new List<string>();
        Section(inner, title, node);
        var width = inner.Max(l => l.Length) + 1;
        lines.Add("+" + new string('-', width));
        lines.AddRange(inner.Select(l => "|" + (l.StartsWith('+') ? l.PadRight(width, '-') + "+" : l.PadRight(width - 1) + "|")));
    }

    private static void Grid(List<string> lines, List<string> headers, List<List<string>> rows)
    {
        var columns = Math.Max(headers.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        var widths = Enumerable.Range(0, columns)
            .Select(c => Math.Max(c < headers.Count ? headers[c].Length : 0, rows.Max(r => c < r.Count ? r[c].Length : 0)) + 2)
            .ToList();
        lines.Add("+" + string.Join("+", widths.Select(w => new string('-', w))));
        if (headers.Count > 0)
        {
            lines.Add("|" + string.Join("|", headers.Select((h, i) => Centered(h, widths[i]))));
            lines.Add("+" + string.Join("+", widths.Select(w => new string('-', w))));
        }
        foreach (var row in rows)
        {
            lines.Add("|" + string.Join("|", row.Select((v, i) => (" " + v).PadRight(widths[i]))));
        }
    }

    private static string Center(string title) => "|" + Centered(title, title.Length + 4);

    private static string Centered(string text, int width)
    {
        var left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - text.Length - left);
    }
}
