using System.Buffers;
using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Console;

/// <summary>Neutral markdown → HTML with every literal character that HTML treats specially encoded.</summary>
internal sealed class HtmlSink : MarkdownSink
{
    private static readonly SearchValues<char> SpecialChars = SearchValues.Create("&<>\"'");

    private bool _bold;
    private bool _italic;
    private bool _inList;
    private bool _lineIsItem;

    // "</em></strong></li></ul>…" or "…</code></pre>"
    public override int Reserve => 32;

    public override void Begin(TextBuffer output)
    {
        base.Begin(output);
        _bold = _italic = _inList = _lineIsItem = false;
    }

    protected override SearchValues<char> Specials => SpecialChars;

    protected override ReadOnlySpan<char> Escape(char c, char previous) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => default,
    };

    public override void StartLine(bool listItem, bool first)
    {
        if (listItem && !_inList)
            _inList = Out.TryAppend("<ul>");
        else if (!listItem && _inList)
            _inList = !Out.TryAppend("</ul>");
        else if (!listItem && !first)
            Out.TryAppend("<br>");
        if (listItem)
            _lineIsItem = Out.TryAppend("<li>");
    }

    public override void EndLine()
    {
        if (_lineIsItem && Out.TryAppend("</li>"))
            _lineIsItem = false;
    }

    public override void Bold(bool open)
    {
        if (Out.TryAppend(open ? "<strong>" : "</strong>"))
            _bold = open;
    }

    public override void Italic(bool open)
    {
        if (Out.TryAppend(open ? "<em>" : "</em>"))
            _italic = open;
    }

    public override void Code(ReadOnlySpan<char> code)
    {
        var mark = Out.Length;
        if (!Out.TryAppend("<code>") || !PlainAtomic(code) || !Out.TryAppend("</code>"))
            Out.RollBack(mark);
    }

    public override void CodeBlock(ReadOnlySpan<char> code, bool first)
    {
        if (_inList)
            _inList = !Out.TryAppend("</ul>");
        if (!Out.TryAppend("<pre><code>"))
            return;
        Plain(code);
        if (Out.Truncated)
            Out.Force("\u2026");
        Out.Force("</code></pre>");
    }

    public override void Link(ReadOnlySpan<char> text, ReadOnlySpan<char> url)
    {
        var mark = Out.Length;
        if (Out.TryAppend("<a href=\"") && PlainAtomic(url) && Out.TryAppend("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">")
            && PlainAtomic(text) && Out.TryAppend("</a>"))
            return;
        Out.RollBack(mark);
    }

    /// <summary>Closes every open element (also after a cut, with an ellipsis first).</summary>
    public override void Finish()
    {
        if (Out.Truncated && !Out.Span.EndsWith("</code></pre>"))
            Out.Force('\u2026');
        if (_italic)
            Out.Force("</em>");
        if (_bold)
            Out.Force("</strong>");
        if (_lineIsItem)
            Out.Force("</li>");
        if (_inList)
            Out.Force("</ul>");
        _bold = _italic = _lineIsItem = _inList = false;
    }
}
