using System.Buffers;
using System.Text;
using System.Text.Json;
using Crowsnest.Channels.Rendering;

namespace Crowsnest.Tests.Channels.Rendering;

public sealed class JsonStringsTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\temp", "\"C:\\\\temp\"")]
    [InlineData("a\nb\r\tc\b\f", "\"a\\nb\\r\\tc\\b\\f\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("<https://e.com/?a=1&b=2|x>", "\"<https://e.com/?a=1&b=2|x>\"")]
    [InlineData("caf\u00e9 \U0001F6A8 \u2028", "\"caf\u00e9 \U0001F6A8 \u2028\"")]
    public void Escapes_only_what_JSON_requires(string value, string expected) =>
        Assert.Equal(expected, Written(value));

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        Assert.Equal("\"a\uFFFDb\uFFFD\"", Written("a\ud800b\udc00"));
        Assert.Equal("\"\uFFFD\\\"\"", Written("\ud83d\""));
    }

    [Fact]
    public void Random_text_reads_back_as_written()
    {
        var random = new Random(20261207);
        const string alphabet = "ab Z09\"\\/\n\r\t\b\f\u0000\u0007\u001f\u007f<>&'\u00e9\u4e2d\u2028\uFEFF";
        for (var round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                if (random.Next(8) == 0)
                {
                    text.Append("\U0001F525");
                }
                else
                {
                    text.Append(alphabet[random.Next(alphabet.Length)]);
                }
            }

            var json = Written(text.ToString());
            using var document = JsonDocument.Parse(json);
            Assert.Equal(text.ToString(), document.RootElement.GetString());
        }
    }

    [Fact]
    public void Writes_as_a_property_inside_an_object()
    {
        var output = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartObject();
            w.WriteNumber("n", 1);
            JsonStrings.Write(w, JsonEncodedText.Encode("text"), "line 1\nline \"2\"");
            JsonStrings.Write(w, JsonEncodedText.Encode("more"), new string('x', 5000));
            JsonStrings.Write(w, JsonEncodedText.Encode("huge"), string.Concat(Enumerable.Repeat("line \"q\"\n", 6000)));
            w.WriteEndObject();
        }

        using var document = JsonDocument.Parse(output.WrittenMemory);
        Assert.Equal("line 1\nline \"2\"", document.RootElement.GetProperty("text").GetString());
        Assert.Equal(5000, document.RootElement.GetProperty("more").GetString()!.Length);
        Assert.Equal(string.Concat(Enumerable.Repeat("line \"q\"\n", 6000)), document.RootElement.GetProperty("huge").GetString());
    }

    private static string Written(string value)
    {
        var output = new byte[(value.Length * 6) + 2];
        return Encoding.UTF8.GetString(output, 0, JsonStrings.Encode(value, output, new byte[value.Length * 3]));
    }
}
