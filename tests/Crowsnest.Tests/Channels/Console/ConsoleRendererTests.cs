using AngleSharp.Html.Parser;
using Crowsnest.Channels;
using Crowsnest.Channels.Console;
using Crowsnest.Messages;

namespace Crowsnest.Tests.Channels.Console;

public sealed class ConsoleRendererTests
{
    private static readonly HashSet<string> AllowedElements =
    [
        "ARTICLE", "HEADER", "SPAN", "H3", "P", "DL", "DIV", "DT", "DD", "SECTION", "H4", "STRONG", "EM", "CODE", "PRE",
        "UL", "LI", "BR", "A", "NAV", "BUTTON", "FOOTER", "TIME", "FIGURE", "IMG",
    ];

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void No_event_text_becomes_markup(int seed)
    {
        var parser = new HtmlParser();
        foreach (var message in RandomMessages.Generate(25, seed).Append(SampleMessages.Hazards()))
        {
            var html = ConsoleRenderer.Instance.Render(message, RenderOptions.None).BodyText;
            var doc = parser.ParseDocument("<body>" + html);
            foreach (var element in doc.Body!.QuerySelectorAll("*"))
            {
                Assert.Contains(element.TagName, AllowedElements);
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                if (element.GetAttribute("href") is { } href)
                    Assert.Matches("^(https?://|mailto:)", href);
                if (element.GetAttribute("src") is { } src)
                    Assert.StartsWith("data:image/", src, StringComparison.Ordinal);
            }
            Assert.Single(doc.Body.Children);
            Assert.InRange(html.Length, 1, 300_000);
        }
    }

    [Fact]
    public void Script_in_title_is_text()
    {
        var message = new ChatMessage { EventType = "x", Title = "<script>alert(1)</script>", Summary = "<img src=x onerror=alert(1)>" };
        var doc = new HtmlParser().ParseDocument(MessageRenderers.Console(message).BodyText);

        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.Equal("<script>alert(1)</script>", doc.QuerySelector("h3")!.TextContent);
    }
}
