using System.Buffers;
using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Slack;

/// <summary>Neutral markdown → Slack mrkdwn, with <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped so no text can mention or link.</summary>
internal sealed class SlackMrkdwnSink : MarkdownSink
{
    private static readonly SearchValues<char> SpecialChars = SearchValues.Create("&<>");

    private static readonly SearchValues<char> UrlSpecials = SearchValues.Create("&<>|");

    private bool _bold;
    private bool _italic;
    private bool _codeBlock;

    // Worst case after a cut: "_" "*" "…" and "\n```".
    public override int Reserve => 8;

    public override void Begin(TextBuffer output)
    {
        base.Begin(output);
        _bold = _italic = _codeBlock = false;
    }

    protected override SearchValues<char> Specials => SpecialChars;

    protected override ReadOnlySpan<char> Escape(char c, char previous) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        _ => default,
    };

    public override void StartLine(bool listItem, bool first)
    {
        if (!first)
            Out.TryAppend('\n');
        if (listItem)
            Out.TryAppend("\u2022 ");
    }

    public override void Bold(bool open)
    {
        if (Out.TryAppend('*'))
            _bold = open;
    }

    public override void Italic(bool open)
    {
        if (Out.TryAppend('_'))
            _italic = open;
    }

    public override void Code(ReadOnlySpan<char> code)
    {
        var mark = Out.Length;
        if (!Out.TryAppend('`') || !PlainAtomic(code) || !Out.TryAppend('`'))
            Out.RollBack(mark);
    }

    public override void CodeBlock(ReadOnlySpan<char> code, bool first)
    {
        if (!first && !Out.TryAppend('\n'))
            return;
        if (!Out.TryAppend("```\n"))
            return;
        _codeBlock = true;
        Plain(code);
        if (!Out.Truncated && Out.TryAppend("\n```"))
            _codeBlock = false;
    }

    public override void Link(ReadOnlySpan<char> text, ReadOnlySpan<char> url)
    {
        var mark = Out.Length;
        if (Out.TryAppend('<') && AppendUrl(url) && Out.TryAppend('|') && PlainAtomic(text) && Out.TryAppend('>'))
            return;
        Out.RollBack(mark);
    }

    private bool AppendUrl(ReadOnlySpan<char> url)
    {
        while (!url.IsEmpty)
        {
            var k = url.IndexOfAny(UrlSpecials);
            if (k < 0)
                return Out.TryAppend(url);
            var ok = Out.TryAppend(url[..k]) && url[k] switch
            {
                '|' => Out.TryAppend("%7C"),
                var c => Out.TryAppend(Escape(c, ' ')),
            };
            if (!ok)
                return false;
            url = url[(k + 1)..];
        }
        return true;
    }

    public override void Finish()
    {
        if (!Out.Truncated)
            return;
        if (_codeBlock)
        {
            Out.Force("\u2026\n```");
            return;
        }
        if (_italic)
            Out.Force('_');
        if (_bold)
            Out.Force('*');
        Out.Force('\u2026');
    }
}
