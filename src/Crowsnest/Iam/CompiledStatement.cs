using Crowsnest.Iam.Conditions;
using Crowsnest.Iam.Matching;

namespace Crowsnest.Iam;

/// <summary>A statement compiled into matchers. Matching allocates nothing.</summary>
public sealed class CompiledStatement
{
    private readonly ActionPattern[] _actions;
    private readonly bool _notAction;
    private readonly ArnPattern[] _resources;
    private readonly bool _notResource;
    private readonly CompiledCondition[] _conditions;
    private readonly IReadOnlyOperationCatalog? _readOnlyCatalog;

    internal CompiledStatement(PolicyStatement source, bool variables)
    {
        Source = source;
        _actions = [.. source.Actions.Select(ActionPattern.Compile)];
        _notAction = source.IsNotAction;
        _resources = [.. source.Resources.Select(r => ArnPattern.Compile(r, variables))];
        _notResource = source.IsNotResource;
        _conditions = [.. source.Conditions.Select(c => new CompiledCondition(c, variables))];
        ExactServices = _notAction || _actions.Any(a => a.ExactService is null)
            ? null
            : [.. _actions.Select(a => a.ExactService!).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A statement that allows every action the catalog calls read-only, on every resource (ReadOnlyAccess).</summary>
    internal CompiledStatement(PolicyStatement source, IReadOnlyOperationCatalog readOnlyCatalog)
        : this(source, variables: false)
    {
        _readOnlyCatalog = readOnlyCatalog;
        ExactServices = null;
    }

    /// <summary>The statement as written.</summary>
    public PolicyStatement Source { get; }

    /// <summary>Allow or Deny.</summary>
    public PolicyEffect Effect => Source.Effect;

    /// <summary>The Sid, or <c>#index</c>.</summary>
    public string Label => Source.Label;

    /// <summary>The services this statement can apply to, or null when it may apply to any service.</summary>
    internal string[]? ExactServices { get; }

    internal bool MatchesAction(ReadOnlySpan<char> action)
    {
        if (_readOnlyCatalog is not null)
        {
            return _readOnlyCatalog.IsReadOnly(action);
        }
        var any = false;
        foreach (var pattern in _actions)
        {
            if (pattern.Matches(action))
            {
                any = true;
                break;
            }
        }
        return any != _notAction;
    }

    internal bool MatchesResource(string resource, RequestContext context)
    {
        var any = false;
        foreach (var pattern in _resources)
        {
            if (pattern.Matches(resource, context))
            {
                any = true;
                break;
            }
        }
        return any != _notResource;
    }

    internal bool ConditionsHold(RequestContext context)
    {
        foreach (var condition in _conditions)
        {
            if (!condition.Evaluate(context))
            {
                return false;
            }
        }
        return true;
    }

    internal bool Applies(string action, string resource, RequestContext context)
        => MatchesAction(action) && MatchesResource(resource, context) && ConditionsHold(context);
}
