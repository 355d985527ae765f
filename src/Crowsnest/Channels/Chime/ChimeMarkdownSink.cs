using System.Buffers;
using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Chime;

/// <summary>Neutral markdown → the markdown Amazon Chime shows after <c>/md</c>, with mentions made inert.</summary>
internal sealed class ChimeMarkdownSink : CommonMarkSink
{
    private static readonly SearchValues<char> SpecialChars = SearchValues.Create("@");

    private bool _codeBlock;

    public override int Reserve => 8;

    public override void Begin(TextBuffer output)
    {
        base.Begin(output);
        _codeBlock = false;
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

    public override void Finish()
    {
        if (!Out.Truncated)
            return;
        if (_codeBlock)
        {
            Out.Force("\u2026\n```");
            return;
        }
        CloseEmphasisAndEllipsis();
    }
}
