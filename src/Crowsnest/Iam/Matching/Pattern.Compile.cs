namespace Crowsnest.Iam.Matching;

internal sealed partial class Pattern
{
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
}
