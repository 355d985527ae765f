namespace Crowsnest.Iam.Matching;

internal enum PartKind : byte
{
    Literal,
    Star,
    Question,
    Variable,
}

/// <summary>One piece of a compiled pattern: literal text, a wildcard, or a policy variable (with optional default).</summary>
internal readonly record struct PatternPart(PartKind Kind, string Text, string? Default);

internal enum PatternShape : byte
{
    Any,
    Exact,
    Prefix,
    General,
}

/// <summary>
/// A compiled wildcard pattern (<c>*</c>, <c>?</c>, policy variables, <c>${*}</c>-style escapes). Matching walks spans and
/// allocates nothing; variables are read from the request context at match time.
/// </summary>
internal sealed partial class Pattern
{
    private readonly PatternPart[] _parts;
    private readonly string _literal;

    private Pattern(PatternPart[] parts, string source)
    {
        _parts = parts;
        Source = source;
        _literal = "";
        var hasVariable = parts.Any(p => p.Kind == PartKind.Variable);
        if (parts.Length == 1 && parts[0].Kind == PartKind.Star)
        {
            Shape = PatternShape.Any;
        }
        else if (parts.Length == 0)
        {
            Shape = PatternShape.Exact;
        }
        else if (!hasVariable && parts.Length == 1 && parts[0].Kind == PartKind.Literal)
        {
            Shape = PatternShape.Exact;
            _literal = parts[0].Text;
        }
        else if (!hasVariable && parts.Length == 2 && parts[0].Kind == PartKind.Literal && parts[1].Kind == PartKind.Star)
        {
            Shape = PatternShape.Prefix;
            _literal = parts[0].Text;
        }
        else
        {
            Shape = PatternShape.General;
        }
    }

    public string Source { get; }

    public PatternShape Shape { get; }

    public static readonly Pattern AnyText = new([new PatternPart(PartKind.Star, "", null)], "*");

    /// <summary>True when <paramref name="text"/> matches; an unresolved variable without default matches nothing.</summary>
    public bool Matches(ReadOnlySpan<char> text, StringComparison comparison, RequestContext? context)
    {
        switch (Shape)
        {
            case PatternShape.Any:
                return true;
            case PatternShape.Exact:
                return text.Equals(_literal, comparison);
            case PatternShape.Prefix:
                return text.StartsWith(_literal, comparison);
            default:
                return MatchGeneral(text, comparison, context);
        }
    }

    private bool MatchGeneral(ReadOnlySpan<char> text, StringComparison comparison, RequestContext? context)
    {
        var parts = _parts;
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < parts.Length)
            {
                var part = parts[p];
                switch (part.Kind)
                {
                    case PartKind.Question:
                        t++;
                        p++;
                        continue;
                    case PartKind.Star:
                        starP = p++;
                        starT = t;
                        continue;
                    default:
                        if (!TryText(part, context, out var piece))
                        {
                            return false;
                        }
                        if (text[t..].StartsWith(piece, comparison))
                        {
                            t += piece.Length;
                            p++;
                            continue;
                        }
                        break;
                }
            }
            if (starP < 0)
            {
                return false;
            }
            p = starP + 1;
            t = ++starT;
        }
        for (; p < parts.Length; p++)
        {
            var part = parts[p];
            if (part.Kind == PartKind.Star)
            {
                continue;
            }
            if (part.Kind == PartKind.Question || !TryText(part, context, out var piece) || piece.Length > 0)
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryText(in PatternPart part, RequestContext? context, out ReadOnlySpan<char> piece)
    {
        if (part.Kind == PartKind.Literal)
        {
            piece = part.Text;
            return true;
        }
        if (context is not null && context.TryGetFirst(part.Text, out var value))
        {
            piece = value;
            return true;
        }
        if (part.Default is not null)
        {
            piece = part.Default;
            return true;
        }
        piece = default;
        return false;
    }
}
