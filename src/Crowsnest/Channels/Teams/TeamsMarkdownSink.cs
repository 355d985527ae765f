using System.Buffers;
using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Teams;

/// <summary>Neutral markdown → the markdown subset Adaptive Card text blocks show in Teams.</summary>
internal sealed class TeamsMarkdownSink : CommonMarkSink
{
    private static readonly SearchValues<char> SpecialChars = SearchValues.Create("{");

    private bool _previousIsItem;

    // Worst case after a cut: "_" "**" "…".
    public override int Reserve => 4;

    public override void Begin(TextBuffer output)
    {
        base.Begin(output);
        _previousIsItem = false;
    }

    protected override SearchValues<char> Specials => SpecialChars;

    // "{{" starts an Adaptive Card template function such as {{DATE(...)}}; a zero-width space keeps it literal.
    protected override ReadOnlySpan<char> Escape(char c, char previous) =>
        c == '{' && previous == '{' ? "\u200B{" : default;

    // Teams runs single newlines together: paragraphs are separated by a blank line, list items by "\r" (as its docs show).
    public override void StartLine(bool listItem, bool first)
    {
        if (!first)
            Out.TryAppend(listItem && _previousIsItem ? "\r" : "\n\n");
        if (listItem)
            Out.TryAppend("- ");
        _previousIsItem = listItem;
    }

    // Teams cards have no code blocks: each line becomes its own paragraph, kept as typed.
    public override void CodeBlock(ReadOnlySpan<char> code, bool first)
    {
        _previousIsItem = false;
        foreach (var line in code.EnumerateLines())
        {
            if (!first && !Out.TryAppend("\n\n"))
                return;
            first = false;
            Plain(line);
        }
    }

    public override void Finish()
    {
        if (!Out.Truncated)
            return;
        CloseEmphasisAndEllipsis();
    }
}
