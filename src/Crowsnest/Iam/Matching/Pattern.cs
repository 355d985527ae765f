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
internal sealed class Pattern
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

    /// <summary>Compiles text; <paramref name="wildcards"/> turns <c>*</c>/<c>?</c> on, <paramref name="variables"/> turns <c>${…}</c> on.</summary>
    public static Pattern Compile(string text, bool wildcards, bool variables)
    {
        var parts = new List<PatternPart>();
        var literal = new System.Text.StringBuilder();
        void Flush()
        {
            if (literal.Length > 0)
            {
                parts.Add(new PatternPart(PartKind.Literal, literal.ToString(), null));
                literal.Clear();
            }
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (variables && c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end > 0)
                {
                    var inner = text[(i + 2)..end];
                    i = end;
                    if (inner is "*" or "?" or "$")
                    {
                        literal.Append(inner);
                        continue;
                    }
                    Flush();
                    parts.Add(ParseVariable(inner));
                    continue;
                }
            }
            if (wildcards && c == '*')
            {
                Flush();
                if (parts.Count == 0 || parts[^1].Kind != PartKind.Star)
                {
                    parts.Add(new PatternPart(PartKind.Star, "", null));
                }
            }
            else if (wildcards && c == '?')
            {
                Flush();
                parts.Add(new PatternPart(PartKind.Question, "", null));
            }
            else
            {
                literal.Append(c);
            }
        }
        Flush();
        return new Pattern([.. parts], text);
    }

    private static PatternPart ParseVariable(string inner)
    {
        // ${aws:PrincipalTag/team, 'company-wide'}
        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return new PatternPart(PartKind.Variable, inner.Trim(), null);
        }
        var name = inner[..comma].Trim();
        var fallback = inner[(comma + 1)..].Trim();
        if (fallback.Length >= 2 && fallback[0] == '\'' && fallback[^1] == '\'')
        {
            fallback = fallback[1..^1];
        }
        return new PatternPart(PartKind.Variable, name, fallback);
    }

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
