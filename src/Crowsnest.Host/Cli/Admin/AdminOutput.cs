using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Cli.Admin;

/// <summary>Prints API answers as JSON or as an aligned table.</summary>
internal static class AdminOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(TextWriter output, string format, JsonObject result, string? listMember, IReadOnlyList<(string Header, Func<JsonNode?, string> Cell)> columns)
    {
        if (format == "json" || listMember is null)
        {
            output.WriteLine(result.ToJsonString(Indented));
            return;
        }
        var rows = (result[listMember] as JsonArray ?? []).Select(item => columns.Select(c => c.Cell(item)).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", columns.Select((c, i) => c.Header.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
        if (result["NextToken"] is { } next)
        {
            output.WriteLine($"(more: --next-token {next})");
        }
    }

    public static Func<JsonNode?, string> Field(string name) => node => node?[name] switch
    {
        null => "",
        JsonArray array => string.Join(",", array.Select(a => a?.ToString())),
        var value => value.ToString(),
    };
}
