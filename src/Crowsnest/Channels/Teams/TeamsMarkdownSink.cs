using System.Buffers;
using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Teams;

/// <summary>Neutral markdown → the markdown subset Adaptive Card text blocks show in Teams.</summary>
internal sealed class TeamsMarkdownSink : MarkdownSink
{
    private static readonly SearchValues<char> SpecialChars = SearchValues.Create("{");

    private bool _bold;
    private bool _italic;

    // Worst case after a cut: "_" "**" "…".
    public override int Reserve => 4;

    public override void Begin(TextBuffer output)
    {
        base.Begin(output);
        _bold = _italic = false;
    }

    protected override SearchValues<char> Specials => SpecialChars;

    // "{{" starts an Adaptive Card template function such as {{DATE(...)}}; a zero-width space keeps it literal.
    protected override ReadOnlySpan<char> Escape(char c, char previous) =>
        c == '{' && previous == '{' ? "\u200B{" : default;

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

    // Teams cards have no code blocks: the lines are kept as they are.
    public override void CodeBlock(ReadOnlySpan<char> code, bool first)
    {
        if (!first)
            Out.TryAppend('\n');
        Plain(code);
    }

    public override void Link(ReadOnlySpan<char> text, ReadOnlySpan<char> url) => MarkdownLink.TryAppend(Out, text, url);

    public override void Finish()
    {
        if (!Out.Truncated)
            return;
        if (_italic)
            Out.Force('_');
        if (_bold)
            Out.Force("**");
        Out.Force('\u2026');
    }
}
