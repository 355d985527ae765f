using System.Globalization;
using System.Text.Json.Nodes;
using Crowsnest.Fuzz;

// Time-boxed fuzzing: `Crowsnest.Fuzz --seconds 60 [--host Crowsnest.Host.dll] [--corpus DIR] [--out results.jsonl]`.
// Every target gets --seconds; a failure (exception, 500, dropped connection) is printed with its input (base64).
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var budget = TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "30", CultureInfo.InvariantCulture));
var corpus = Value("--corpus") ?? FindCorpus();
var files = Directory.EnumerateFiles(corpus, "*.*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order().ToList();
byte[][] envelopes = [.. files.Where(f => f.Contains("sns-envelope", StringComparison.Ordinal)).Select(File.ReadAllBytes)];
byte[][] payloads = [.. files.Where(f => !f.Contains("sns-envelope", StringComparison.Ordinal)).Select(File.ReadAllBytes)];
Console.WriteLine($"fuzz: {envelopes.Length} envelope and {payloads.Length} payload seeds from the test corpus; {budget.TotalSeconds:0} s per target");

var outcomes = new List<FuzzOutcome>
{
    Targets.Envelope([.. envelopes, .. payloads]).Run(budget),
    Targets.Recognisers(payloads).Run(budget),
    Targets.CommandParser().Run(budget),
    Targets.Policies().Run(budget),
};
var notes = new List<string>();
if (Value("--host") is { } host)
{
    await using var endpoints = await HttpEndpoints.StartAsync(host);
    var outcome = endpoints.Target(envelopes, payloads).Run(budget);
    var failures = outcome.Failures.ToList();
    if (!endpoints.Alive)
    {
        failures.Add("the server process exited during the run");
    }
    failures.AddRange(endpoints.Errors().Select(e => $"server log: {e}"));
    outcomes.Add(outcome with { Failures = failures });
}
else
{
    notes.Add("the HTTP endpoints were not fuzzed (no --host)");
}

var figures = new JsonObject();
var goals = new JsonArray();
foreach (var o in outcomes)
{
    Console.WriteLine($"{o.Target}: {o.Inputs} inputs in {o.Elapsed.TotalSeconds:0} s, {o.Failures.Count} failures");
    foreach (var f in o.Failures)
    {
        Console.WriteLine($"  FAILURE {f}");
    }
    figures[$"{o.Target}: inputs"] = new JsonObject { ["value"] = o.Inputs, ["unit"] = "" };
    figures[$"{o.Target}: failures"] = new JsonObject { ["value"] = o.Failures.Count, ["unit"] = "" };
    goals.Add(new JsonObject
    {
        ["goal"] = $"fuzz, {o.Target}: no crash, no unhandled exception, no 500",
        ["pass"] = o.Failures.Count == 0,
        ["reason"] = o.Failures.Count == 0
            ? $"{o.Inputs} generated inputs in {o.Elapsed.TotalSeconds:0} s without a failure"
            : $"{o.Failures.Count} failure(s); first: {o.Failures[0][..Math.Min(300, o.Failures[0].Length)]}",
    });
}
notes.Add($"FsCheck generators over the {envelopes.Length + payloads.Length} files of tests/Crowsnest.Tests/TestData/corpus (mutated: bit flips, cuts, splices, odd JSON values, invalid UTF-8) and command words; {budget.TotalSeconds:0} s per target");
if (Value("--out") is { } file)
{
    var line = new JsonObject { ["scenario"] = "fuzz", ["run"] = 1, ["figures"] = figures, ["goals"] = goals, ["notes"] = new JsonArray([.. notes.Select(n => (JsonNode)n)]) };
    await File.AppendAllTextAsync(file, line.ToJsonString() + "\n");
}
return outcomes.All(o => o.Failures.Count == 0) ? 0 : 1;

static string FindCorpus()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "tests", "Crowsnest.Tests", "TestData", "corpus");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }
    throw new DirectoryNotFoundException("tests/Crowsnest.Tests/TestData/corpus not found; pass --corpus");
}
