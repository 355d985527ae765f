using System.Buffers;

namespace Crowsnest.Channels.Rendering;

/// <summary>
/// Receives the pieces of neutral markdown from <see cref="NeutralMarkdown"/> and writes one platform's dialect
/// into a <see cref="TextBuffer"/>. Sinks escape literal text, keep atomic pieces (links, entities) whole and close
/// whatever is open when the text is cut.
/// </summary>
internal abstract class MarkdownSink
{
    private TextBuffer? _out;

    protected TextBuffer Out => _out ?? throw new InvalidOperationException("Begin was not called.");

    public bool Truncated => _out?.Truncated ?? false;

    /// <summary>Room the sink needs past the soft limit for its closers and the ellipsis.</summary>
    public abstract int Reserve { get; }

    /// <summary>Starts a new piece of text in <paramref name="output"/> (which the caller has reset).</summary>
    public virtual void Begin(TextBuffer output) => _out = output;

    /// <summary>Literal text, escaped for the platform; cut where the limit is reached.</summary>
    public void Plain(ReadOnlySpan<char> text)
    {
        var o = Out;
        var specials = Specials;
        var start = 0;
        while (start < text.Length)
        {
            var k = text[start..].IndexOfAny(specials);
            if (k < 0)
            {
                o.AppendPartial(text[start..]);
                return;
            }
            var i = start + k;
            var escape = Escape(text[i], i == 0 ? '\n' : text[i - 1]);
            if (escape.IsEmpty)
            {
                if (!o.AppendPartial(text[start..(i + 1)]))
                    return;
            }
            else if (!o.AppendPartial(text[start..i]) || !o.TryAppend(escape))
            {
                return;
            }
            start = i + 1;
        }
    }

    /// <summary>Literal text appended whole or not at all (link labels, URLs).</summary>
    protected bool PlainAtomic(ReadOnlySpan<char> text)
    {
        var mark = Out.Length;
        Plain(text);
        if (!Out.Truncated)
            return true;
        Out.RollBack(mark);
        return false;
    }

    /// <summary>The characters <see cref="Escape"/> may replace; all others are copied in bulk.</summary>
    protected abstract SearchValues<char> Specials { get; }

    /// <summary>The replacement for <paramref name="c"/>, or empty when it is written as is.</summary>
    protected abstract ReadOnlySpan<char> Escape(char c, char previous);

    public abstract void StartLine(bool listItem, bool first);

    public virtual void EndLine()
    {
    }

    public abstract void Bold(bool open);

    public abstract void Italic(bool open);

    public abstract void Code(ReadOnlySpan<char> code);

    public abstract void CodeBlock(ReadOnlySpan<char> code, bool first);

    /// <summary>A link whose <paramref name="url"/> is already known to be http(s) or mailto.</summary>
    public abstract void Link(ReadOnlySpan<char> text, ReadOnlySpan<char> url);

    /// <summary>Closes what is open; when the text was cut, ends it with an ellipsis.</summary>
    public abstract void Finish();
}
