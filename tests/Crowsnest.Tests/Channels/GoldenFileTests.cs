using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crowsnest.Channels;

namespace Crowsnest.Tests.Channels;

/// <summary>
/// Pins every platform's rendering of <see cref="SampleMessages"/>. With <c>CROWSNEST_UPDATE_GOLDEN=1</c> the files
/// are rewritten instead (review the diff before committing).
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in SampleMessages.All.Keys)
        {
            foreach (var renderer in MessageRenderers.All)
                data.Add(renderer.Platform, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendering_matches_golden_file(string platform, string name)
    {
        var renderer = MessageRenderers.Find(platform)!;
        var payload = renderer.Render(SampleMessages.All[name], SampleMessages.Options(name));
        var isJson = payload.ContentType.StartsWith("application/json", StringComparison.Ordinal);
        var actual = isJson ? Indented(payload.Body) : payload.BodyText;
        var path = Path.Combine(GoldenDirectory(), platform, name + (isJson ? ".json" : ".html"));

        if (Environment.GetEnvironmentVariable("CROWSNEST_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"No golden file {platform}/{name}; run the tests with CROWSNEST_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_case()
    {
        var expected = Cases().Select(c => $"{c[0]}/{c[1]}").ToHashSet();
        var files = Directory.GetFiles(GoldenDirectory(), "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetFileName(Path.GetDirectoryName(f))}/{Path.GetFileNameWithoutExtension(f)}");
        Assert.All(files, f => Assert.Contains(f, expected));
    }

    private static string Indented(ReadOnlyMemory<byte> json)
    {
        using var doc = JsonDocument.Parse(json);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            doc.WriteTo(w);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string GoldenDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "TestData", "golden"));
}
