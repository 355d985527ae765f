using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.Commands.Execute.Output;

/// <summary>
/// The AWS CLI's <c>--output table</c> in outline: a box titled with the operation name; scalars as a row of
/// columns under their (sorted) names, lists of structures as rows, nested values as titled boxes inside.
/// </summary>
public static class CliTableWriter
{
    private sealed record Section(string Title, List<string> Headers, List<List<string>> Rows, List<Section> Children);

    public static string Write(string title, JsonNode? node)
    {
        var root = Build(title, node);
        var sb = new StringBuilder();
        var width = Width(root);
        sb.Append(new string('-', width)).Append('\n');
        Render(sb, root, width, "");
        return sb.ToString();
    }

    private static Section Build(string title, JsonNode? node)
    {
        var section = new Section(title, [], [], []);
        switch (node)
        {
            case JsonObject obj:
                var scalars = obj.Where(p => p.Value is not (JsonObject or JsonArray)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                if (scalars.Count > 0)
                {
                    section.Headers.AddRange(scalars.Select(p => p.Key));
                    section.Rows.Add([.. scalars.Select(p => CliTextWriter.Scalar(p.Value))]);
                }
                AddChildren(section, obj);
                break;
            case JsonArray list when list.Any(e => e is JsonObject):
                section.Headers.AddRange(list.OfType<JsonObject>().SelectMany(o => o.Where(p => p.Value is not (JsonObject or JsonArray)).Select(p => p.Key))
                    .Distinct().Order(StringComparer.Ordinal));
                if (section.Headers.Count > 0)
                {
                    section.Rows.AddRange(list.OfType<JsonObject>().Select(o => section.Headers.Select(k => o.TryGetPropertyValue(k, out var v) ? CliTextWriter.Scalar(v) : "").ToList()));
                }
                foreach (var o in list.OfType<JsonObject>())
                {
                    AddChildren(section, o);
                }
                break;
            case JsonArray list:
                section.Rows.AddRange(list.Where(e => e is not (JsonObject or JsonArray)).Select(e => new List<string> { CliTextWriter.Scalar(e) }));
                foreach (var nested in list.OfType<JsonArray>())
                {
                    section.Children.Add(Build(title, nested));
                }
                break;
            default:
                section.Rows.Add([CliTextWriter.Scalar(node)]);
                break;
        }
        return section;
    }

    private static void AddChildren(Section section, JsonObject obj)
    {
        foreach (var (k, v) in obj.Where(p => p.Value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 }).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            section.Children.Add(Build(k, v));
        }
    }

    private static List<int> ColumnWidths(Section s)
    {
        var columns = Math.Max(s.Headers.Count, s.Rows.Count == 0 ? 0 : s.Rows.Max(r => r.Count));
        return [.. Enumerable.Range(0, columns).Select(c => Math.Max(c < s.Headers.Count ? s.Headers[c].Length : 0, s.Rows.Max(r => c < r.Count ? r[c].Length : 0)) + 2)];
    }

    // The full width of a section's box, borders included.
    private static int Width(Section s)
    {
        var columns = ColumnWidths(s);
        var grid = columns.Count == 0 ? 0 : columns.Sum() + columns.Count - 1;
        var children = s.Children.Count == 0 ? 0 : s.Children.Max(Width) + 2;
        return Math.Max(Math.Max(s.Title.Length + 4, grid + 2), children);
    }

    private static void Render(StringBuilder sb, Section s, int width, string indent)
    {
        var inner = width - 2;
        Line(sb, indent, "|" + Centered(s.Title, inner) + "|");
        var columns = ColumnWidths(s);
        if (columns.Count > 0)
        {
            columns[^1] += inner - (columns.Sum() + columns.Count - 1);
            var rule = "+" + string.Join("+", columns.Select(w => new string('-', w))) + "+";
            Line(sb, indent, rule);
            if (s.Headers.Count > 0)
            {
                Line(sb, indent, "|" + string.Join("|", columns.Select((w, i) => Centered(i < s.Headers.Count ? s.Headers[i] : "", w))) + "|");
                Line(sb, indent, rule);
            }
            foreach (var row in s.Rows)
            {
                Line(sb, indent, "|" + string.Join("|", columns.Select((w, i) => (" " + (i < row.Count ? row[i] : "")).PadRight(w))) + "|");
            }
            Line(sb, indent, rule);
        }
        else
        {
            Line(sb, indent, "+" + new string('-', inner) + "+");
        }
        foreach (var child in s.Children)
        {
            Render(sb, child, width - 2, indent + "|");
        }
    }

    private static void Line(StringBuilder sb, string indent, string content) =>
        sb.Append(indent).Append(content).Append(new string('|', indent.Length)).Append('\n');

    private static string Centered(string text, int width)
    {
        var left = Math.Max(0, (width - text.Length) / 2);
        return (new string(' ', left) + text).PadRight(width);
    }
}
