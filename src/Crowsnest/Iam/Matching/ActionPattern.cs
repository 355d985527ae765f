namespace Crowsnest.Iam.Matching;

/// <summary>An <c>Action</c> pattern: <c>*</c>, or <c>service:Name</c> with wildcards, matched case-insensitively.</summary>
internal sealed class ActionPattern
{
    private readonly Pattern? _service;
    private readonly Pattern? _name;

    private ActionPattern(string source, Pattern? service, Pattern? name)
    {
        Source = source;
        _service = service;
        _name = name;
    }

    public string Source { get; }

    /// <summary>The lower-case service prefix when it has no wildcard (used to index statements), else null.</summary>
    public string? ExactService => _service is { Shape: PatternShape.Exact } ? _service.Source.ToLowerInvariant() : null;

    public static ActionPattern Compile(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            // "*" (or a malformed value the parser already refused): match the whole action text.
            return new ActionPattern(text, null, Pattern.Compile(text, wildcards: true, variables: false));
        }
        return new ActionPattern(
            text,
            Pattern.Compile(text[..colon], wildcards: true, variables: false),
            Pattern.Compile(text[(colon + 1)..], wildcards: true, variables: false));
    }

    public bool Matches(ReadOnlySpan<char> action)
    {
        if (_service is null)
        {
            return _name!.Matches(action, StringComparison.OrdinalIgnoreCase, null);
        }
        var colon = action.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }
        return _service.Matches(action[..colon], StringComparison.OrdinalIgnoreCase, null)
            && _name!.Matches(action[(colon + 1)..], StringComparison.OrdinalIgnoreCase, null);
    }
}
