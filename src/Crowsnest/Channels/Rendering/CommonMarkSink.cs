namespace Crowsnest.Channels.Rendering;

/// <summary>
/// The emphasis, code spans and links that Chime and Teams spell the same way (<c>**bold**</c>, <c>_italic_</c>,
/// <c>`code`</c>, <c>[text](url)</c>), and how a cut text closes what it left open.
/// </summary>
internal abstract class CommonMarkSink : MarkdownSink
{
    private bool _bold;
    private bool _italic;

    public override void Begin(TextBuffer output)
    {
        base.Begin(output);
        _bold = _italic = false;
    }

    public override void Bold(bool open)
    {
        if (Out.TryAppend("**"))
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

    public override void Link(ReadOnlySpan<char> text, ReadOnlySpan<char> url) => MarkdownLink.TryAppend(Out, text, url);

    /// <summary>After a cut: closes open emphasis and adds the ellipsis.</summary>
    protected void CloseEmphasisAndEllipsis()
    {
        if (_italic)
            Out.Force('_');
        if (_bold)
            Out.Force("**");
        Out.Force('\u2026');
    }
}
