using System.Buffers;
using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Chime;

/// <summary>Neutral markdown → the markdown Amazon Chime shows after <c>/md</c>, with mentions made inert.</summary>
internal sealed class ChimeMarkdownSink : MarkdownSink
{
    private static readonly SearchValues<char> SpecialChars = SearchValues.Create("@");

    private bool _bold;
    private bool _italic;
    private bool _codeBlock;

    public override int Reserve => 8;

    public override void Begin(TextBuffer output)
    {
        base.Begin(output);
        _bold = _italic = _codeBlock = false;
    }

    protected override SearchValues<char> Specials => SpecialChars;

    // "@All", "@Present" and "@alias" notify people; a zero-width space after "@" keeps event text from doing so.
    protected override ReadOnlySpan<char> Escape(char c, char previous) =>
        c == '@' && !char.IsLetterOrDigit(previous) ? "@\u200B" : default;

    public override void StartLine(bool listItem, bool first)
    {
        if (!first)
            Out.TryAppend('\n');
        if (listItem)
            Out.TryAppend("- ");
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

    public override void Link(ReadOnlySpan<char> text, ReadOnlySpan<char> url) => MarkdownLink.TryAppend(Out, text, url);

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
            Out.Force("**");
        Out.Force('\u2026');
    }
}
