using Crowsnest.Notifications.Recognize;
using Xunit.Abstractions;

namespace Crowsnest.Tests.Notifications;

/// <summary>
/// Every corpus file is recognised as the type <c>TestData/corpus-expectations.tsv</c> names (or knowingly
/// "invalid"/"unrecognized"), renders without an exception and with a title, and at least 90% of the parseable
/// files are recognised by a specific type rather than a generic fallback.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Expected = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "corpus-expectations.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static readonly System.Text.Json.JsonSerializerOptions DumpOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Fact]
    public void Every_corpus_file_is_recognised_as_the_table_says()
    {
        var problems = new List<string>();
        var actualTable = new List<string>();
        foreach (var file in CorpusFiles.All)
        {
            var (verdict, _) = CorpusFiles.Classify(file);
            actualTable.Add($"{file}\t{verdict}");
            if (!Expected.TryGetValue(file, out var expected))
            {
                problems.Add($"{file}: missing from the table (actual {verdict})");
            }
            else if (expected != verdict)
            {
                problems.Add($"{file}: expected {expected}, got {verdict}");
            }
        }

        problems.AddRange(Expected.Keys.Except(CorpusFiles.All).Select(f => $"{f}: in the table but not in the corpus"));
        if (Environment.GetEnvironmentVariable("CROWSNEST_CORPUS_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllLines(dump, actualTable);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_recognised_corpus_file_renders_with_a_title()
    {
        var rendered = 0;
        var dump = new List<string>();
        foreach (var file in CorpusFiles.All)
        {
            foreach (var result in CorpusFiles.Classify(file).Results)
            {
                if (result.Outcome == RecognitionOutcome.Unrecognized)
                {
                    Assert.False(string.IsNullOrWhiteSpace(result.Reason), $"{file}: unrecognised without a reason");
                    continue;
                }

                var message = result.Render();
                Assert.NotNull(message);
                Assert.False(string.IsNullOrWhiteSpace(message.Title), $"{file}: empty title");
                Assert.Equal(result.TypeName, message.EventType);
                Assert.DoesNotContain('\n', message.Title);
                dump.Add($"=== {file}\n{System.Text.Json.JsonSerializer.Serialize(message, DumpOptions)}");
                rendered++;
            }
        }

        if (Environment.GetEnvironmentVariable("CROWSNEST_RENDER_DUMP") is { Length: > 0 } path)
        {
            File.WriteAllLines(path, dump);
        }

        Assert.True(rendered > 150, $"only {rendered} notifications rendered");
    }

    [Fact]
    public void At_least_90_percent_of_parseable_files_are_recognised_specifically()
    {
        var parseable = 0;
        var specific = 0;
        foreach (var file in CorpusFiles.All)
        {
            var (verdict, results) = CorpusFiles.Classify(file);
            if (verdict == "invalid")
            {
                continue;
            }

            parseable++;
            if (results.All(r => r.Outcome == RecognitionOutcome.Specific))
            {
                specific++;
            }
        }

        var share = (double)specific / parseable;
        output.WriteLine($"specifically recognised: {specific} of {parseable} parseable corpus files ({share:P1})");
        Assert.True(share >= 0.90, $"only {specific} of {parseable} ({share:P1}) recognised specifically");
    }
}
