using Crowsnest.Channels.Chime;
using Crowsnest.Channels.Console;
using Crowsnest.Channels.Rendering;
using Crowsnest.Channels.Slack;
using Crowsnest.Channels.Teams;

namespace Crowsnest.Tests.Channels.Rendering;

public sealed class NeutralMarkdownTests
{
    [Theory]
    [InlineData("**bold** and _it_", "*bold* and _it_")]
    [InlineData("snake_case_name and __init__", "snake_case_name and __init__")]
    [InlineData("a & b < c > d", "a &amp; b &lt; c &gt; d")]
    [InlineData("[x](https://e.com/a?b=1&c=2)", "<https://e.com/a?b=1&amp;c=2|x>")]
    [InlineData("[x](https://e.com/a|b)", "<https://e.com/a%7Cb|x>")]
    [InlineData("[x](javascript:alert(1))", "[x](javascript:alert(1))")]
    [InlineData("- one\n- two\nthree", "\u2022 one\n\u2022 two\nthree")]
    [InlineData("```\ncode <x>\n```\nafter", "```\ncode &lt;x&gt;\n```\nafter")]
    [InlineData("`a<b` and ``", "`a&lt;b` and ``")]
    [InlineData("**unclosed and * star", "**unclosed and * star")]
    [InlineData("\\[not a link\\](https://e.com)", "[not a link](https://e.com)")]
    [InlineData("line\r\nbreaks\r\n", "line\nbreaks")]
    [InlineData("", "")]
    public void Converts_to_Slack_mrkdwn(string markdown, string expected) =>
        Assert.Equal(expected, Convert(new SlackMrkdwnSink(), markdown, 3000));

    [Theory]
    [InlineData("- a\n- b\nc", "<ul><li>a</li><li>b</li></ul>c")]
    [InlineData("x\ny", "x<br>y")]
    [InlineData("**b** _i_ `c`", "<strong>b</strong> <em>i</em> <code>c</code>")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("[a\"b](https://e.com/\"x)", "<a href=\"https://e.com/&quot;x\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">a&quot;b</a>")]
    public void Converts_to_HTML(string markdown, string expected) =>
        Assert.Equal(expected, Convert(new HtmlSink(), markdown, 3000));

    [Theory]
    [InlineData("@All and @Present", "@\u200BAll and @\u200BPresent")]
    [InlineData("mail a@b.com", "mail a@b.com")]
    [InlineData("[@All](https://e.com/@All)", "[@\u200BAll](https://e.com/%40All)")]
    [InlineData("**b** _i_", "**b** _i_")]
    public void Converts_to_Chime_markdown(string markdown, string expected) =>
        Assert.Equal(expected, Convert(new ChimeMarkdownSink(), markdown, 3000));

    [Theory]
    [InlineData("{{DATE(2017-02-14T06:08:39Z, SHORT)}}", "{\u200B{DATE(2017-02-14T06:08:39Z, SHORT)}}")]
    [InlineData("[a]b](https://e.com/(x))", "[a\\]b](https://e.com/%28x))")]
    [InlineData("[ok](https://e.com/<x>)", "[ok](https://e.com/%3Cx%3E)")]
    [InlineData("text\n- a\n- b\nafter", "text\n\n- a\r- b\n\nafter")]
    [InlineData("```\nline 1\nline 2\n```", "line 1\n\nline 2")]
    public void Converts_to_Teams_markdown(string markdown, string expected) =>
        Assert.Equal(expected, Convert(new TeamsMarkdownSink(), markdown, 3000));

    [Fact]
    public void A_cut_closes_open_styles_and_ends_with_an_ellipsis()
    {
        var text = Convert(new SlackMrkdwnSink(), "**" + new string('x', 100) + "**", 30);

        Assert.True(text.Length <= 30, text);
        Assert.StartsWith("*xxx", text, StringComparison.Ordinal);
        Assert.EndsWith("*\u2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_does_not_fit_is_left_out_whole()
    {
        var text = Convert(new SlackMrkdwnSink(), "see [label](https://example.com/" + new string('p', 50) + ") after", 40);

        Assert.Equal("see \u2026", text);
    }

    [Fact]
    public void A_cut_code_block_is_closed()
    {
        var text = Convert(new SlackMrkdwnSink(), "```\n" + new string('c', 500) + "\n```", 100);

        Assert.True(text.Length <= 100, text);
        Assert.EndsWith("\u2026\n```", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair_or_an_entity()
    {
        for (var limit = 12; limit < 40; limit++)
        {
            var text = Convert(new SlackMrkdwnSink(), string.Concat(Enumerable.Repeat("\U0001F6A8&", 40)), limit);
            Assert.True(text.Length <= limit);
            Assert.False(char.IsHighSurrogate(text[^2]), $"limit {limit}: {text}");
            Assert.Matches("^(\U0001F6A8&amp;)*(\U0001F6A8)?\u2026$", text);
        }
    }

    [Fact]
    public void Plain_text_fit_adds_an_ellipsis_without_splitting_pairs()
    {
        var buffer = new TextBuffer();
        var fitted = PlainText.Fit(string.Concat(Enumerable.Repeat("\U0001F600", 20)), 10, buffer, singleLine: true).ToString();

        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F600", 4)) + "\u2026", fitted);
        Assert.Equal("a b", PlainText.Fit("a\nb", 10, buffer, singleLine: true).ToString());
    }

    private static string Convert(MarkdownSink sink, string markdown, int limit)
    {
        var buffer = new TextBuffer();
        buffer.Reset(limit - sink.Reserve);
        sink.Begin(buffer);
        NeutralMarkdown.Write(markdown, sink);
        sink.Finish();
        return buffer.Span.ToString();
    }
}
