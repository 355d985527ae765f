using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.LoadTest.Harness;

/// <summary>
/// One scenario run's figures, goals (pass or fail, with the reason) and notes, printed and appended as one JSON line
/// to <c>--out</c>; <c>bench/scripts/report.py</c> turns those lines into RESULTS.md.
/// </summary>
internal sealed class ScenarioResult(string scenario, Args args)
{
    private readonly JsonObject _figures = [];
    private readonly JsonArray _goals = [];
    private readonly JsonArray _notes = [];

    public void Figure(string name, double value, string unit = "")
    {
        _figures[name] = new JsonObject { ["value"] = double.IsFinite(value) ? Math.Round(value, 3) : null, ["unit"] = unit };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {value:0.###} {unit}"));
    }

    public void Goal(string name, bool pass, string reason)
    {
        _goals.Add(new JsonObject { ["goal"] = name, ["pass"] = pass, ["reason"] = reason });
        Console.WriteLine($"  goal {name}: {(pass ? "PASS" : "FAIL")} — {reason}");
    }

    /// <summary>A goal that could not be measured in this run (a missing feature or component).</summary>
    public void NotAvailable(string name, string reason)
    {
        _goals.Add(new JsonObject { ["goal"] = name, ["pass"] = null, ["reason"] = reason });
        Console.WriteLine($"  goal {name}: NOT AVAILABLE — {reason}");
    }

    public void Note(string text)
    {
        _notes.Add(text);
        Console.WriteLine($"  note: {text}");
    }

    public async Task<int> WriteAsync()
    {
        var line = new JsonObject
        {
            ["scenario"] = scenario,
            ["run"] = args.Run,
            ["at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["figures"] = _figures,
            ["goals"] = _goals,
            ["notes"] = _notes,
        };
        if (args.Out is { } file)
        {
            await File.AppendAllTextAsync(file, line.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n");
        }
        return _goals.Any(g => g?["pass"]?.GetValue<bool>() == false) ? 1 : 0;
    }
}
