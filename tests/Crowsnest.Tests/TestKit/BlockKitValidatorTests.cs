using System.Text.Json.Nodes;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Tests.TestKit;

public class BlockKitValidatorTests
{
    private static string Text(int n) => new('x', n);

    private static string Section(int n) => $$$"""{"type":"section","text":{"type":"mrkdwn","text":"{{{Text(n)}}}"}}""";

    private static string Fields(int count, int each) =>
        $$"""{"type":"section","fields":[{{string.Join(',', Enumerable.Repeat($$"""{"type":"mrkdwn","text":"{{Text(each)}}"}""", count))}}]}""";

    private static string Button(string text) => $$"""{"type":"button","text":{"type":"plain_text","text":"{{text}}"},"action_id":"a"}""";

    public static TheoryData<string, string> Invalid => new()
    {
        { $"[{string.Join(',', Enumerable.Repeat("""{"type":"divider"}""", 51))}]", "/blocks" },
        { $"[{Section(3001)}]", "/blocks/0/text/text" },
        { $"[{Fields(11, 5)}]", "/blocks/0/fields" },
        { $"[{Fields(2, 2001)}]", "/blocks/0/fields/1/text" },
        { $$$"""[{"type":"header","text":{"type":"plain_text","text":"{{{Text(151)}}}"}}]""", "/blocks/0/text/text" },
        { """[{"type":"header","text":{"type":"mrkdwn","text":"x"}}]""", "/blocks/0/text" },
        { $$"""[{"type":"context","elements":[{{string.Join(',', Enumerable.Repeat("""{"type":"mrkdwn","text":"c"}""", 11))}}]}]""", "/blocks/0/elements" },
        { $$"""[{"type":"actions","elements":[{{string.Join(',', Enumerable.Repeat(Button("b"), 26))}}]}]""", "/blocks/0/elements" },
        { $$"""[{"type":"actions","elements":[{{Button(Text(76))}}]}]""", "/blocks/0/elements/0/text/text" },
        { """[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"b"},"style":"loud"}]}]""", "/blocks/0/elements/0/style" },
        { """[{"type":"hologram"}]""", "/blocks/0/type" },
        { """[{"text":"no type"}]""", "/blocks/0" },
        { """[{"type":"divider","block_id":"a"},{"type":"divider","block_id":"a"}]""", "/blocks/1/block_id" },
        { $$"""[{"type":"divider","block_id":"{{Text(256)}}"}]""", "/blocks/0/block_id" },
        { """[{"type":"section","text":{"type":"mrkdwn","text":""}}]""", "/blocks/0/text/text" },
        { """[{"type":"section"}]""", "/blocks/0" },
        { """[{"type":"image","image_url":"https://x/y.png"}]""", "/blocks/0/alt_text" },
        { $$"""[{"type":"markdown","text":"{{Text(12_001)}}"}]""", "/blocks/0/text" },
        { """[{"type":"section","text":{"type":"plain_text","text":"x","verbatim":true}}]""", "/blocks/0/text" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_limit_is_enforced_with_a_pointer(string blocks, string pointer)
    {
        var result = BlockKitValidator.Validate(JsonNode.Parse(blocks));
        Assert.Equal("invalid_blocks", result.Error);
        Assert.Contains(result.Messages, m => m.EndsWith($"[json-pointer:{pointer}]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_at_every_limit_is_valid()
    {
        var blocks = $$$"""
            [{"type":"header","text":{"type":"plain_text","text":"{{{Text(150)}}}","emoji":true}},
             {{{Section(3000)}}},
             {{{Fields(10, 100)}}},
             {"type":"context","elements":[{"type":"image","image_url":"https://x/i.png","alt_text":"i"},{"type":"mrkdwn","text":"c"}]},
             {"type":"actions","elements":[{{{string.Join(',', Enumerable.Repeat(Button(Text(75)), 25))}}}]},
             {"type":"image","image_url":"https://x/chart.png","alt_text":"chart","title":{"type":"plain_text","text":"CPU"}},
             {"type":"divider","block_id":"d1"},{"type":"divider","block_id":"d2"}]
            """;
        var result = BlockKitValidator.Validate(JsonNode.Parse(blocks));
        Assert.True(result.IsValid, string.Join('\n', result.Messages));
        var fifty = JsonNode.Parse($"[{string.Join(',', Enumerable.Repeat("""{"type":"divider"}""", 50))}]");
        Assert.True(BlockKitValidator.Validate(fifty).IsValid);
    }

    [Fact]
    public void Too_much_text_in_total_is_msg_blocks_too_long()
    {
        var blocks = JsonNode.Parse($"[{string.Join(',', Enumerable.Repeat(Section(3000), 5))}]");
        Assert.Equal("msg_blocks_too_long", BlockKitValidator.Validate(blocks).Error);
        Assert.True(BlockKitValidator.Validate(blocks, maxCumulativeText: 20_000).IsValid);
    }

    [Fact]
    public void Not_an_array_is_invalid_blocks_format() =>
        Assert.Equal("invalid_blocks_format", BlockKitValidator.Validate(JsonNode.Parse("""{"type":"divider"}""")).Error);
}
