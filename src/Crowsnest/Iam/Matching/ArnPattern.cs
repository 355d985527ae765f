namespace Crowsnest.Iam.Matching;

/// <summary>
/// A resource or ARN pattern. ARNs are matched segment by segment (partition, service, region, account, resource),
/// case-sensitively; <c>*</c> and <c>?</c> stay within their segment, and the resource segment keeps its colons.
/// Anything that is not an ARN (such as <c>*</c>) is matched as a whole.
/// </summary>
internal sealed class ArnPattern
{
    private const int SegmentCount = 5;
    private readonly Pattern? _whole;
    private readonly Pattern[]? _segments;

    private ArnPattern(Pattern? whole, Pattern[]? segments, string source)
    {
        _whole = whole;
        _segments = segments;
        Source = source;
    }

    public string Source { get; }

    public bool MatchesEverything => _whole is { Shape: PatternShape.Any };

    public static ArnPattern Compile(string text, bool variables)
    {
        if (text.StartsWith("arn:", StringComparison.Ordinal) && TrySplit(text, out var bounds))
        {
            var segments = new Pattern[SegmentCount];
            for (var i = 0; i < SegmentCount; i++)
            {
                segments[i] = Pattern.Compile(text[bounds[i]], wildcards: true, variables);
            }
            return new ArnPattern(null, segments, text);
        }
        return new ArnPattern(Pattern.Compile(text, wildcards: true, variables), null, text);
    }

    public bool Matches(ReadOnlySpan<char> text, RequestContext? context)
    {
        if (_whole is not null)
        {
            return _whole.Matches(text, StringComparison.Ordinal, context);
        }
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text[4..];
        for (var i = 0; i < SegmentCount - 1; i++)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0 || !_segments![i].Matches(rest[..colon], StringComparison.Ordinal, context))
            {
                return false;
            }
            rest = rest[(colon + 1)..];
        }
        return _segments![SegmentCount - 1].Matches(rest, StringComparison.Ordinal, context);
    }

    /// <summary>True when the text has the five colon-separated parts after <c>arn:</c>.</summary>
    public static bool IsArn(string text) => text.StartsWith("arn:", StringComparison.Ordinal) && TrySplit(text, out _);

    private static bool TrySplit(string text, out Range[] bounds)
    {
        bounds = new Range[SegmentCount];
        var start = 4;
        for (var i = 0; i < SegmentCount - 1; i++)
        {
            var colon = text.IndexOf(':', start);
            if (colon < 0)
            {
                return false;
            }
            bounds[i] = start..colon;
            start = colon + 1;
        }
        bounds[SegmentCount - 1] = start..text.Length;
        return true;
    }
}
