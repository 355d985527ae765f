using System.Collections.Concurrent;

namespace Crowsnest.Iam;

/// <summary>
/// Policies evaluated together, as IAM evaluates the identity policies of one principal: an applicable explicit Deny
/// wins, then an applicable Allow, else the request is implicitly denied. Statements are indexed by service prefix,
/// so a decision looks only at statements that can name the action's service; the statements whose Action matches
/// are then remembered per action name (a bounded cache), so a repeated action skips action matching entirely.
/// </summary>
public sealed class PolicySet
{
    private const int MaxCachedActions = 8192;
    private readonly ConcurrentDictionary<string, Entry[]> _byAction = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Entry[]> _byService;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Entry[] _anyService;

    /// <summary>Builds the set (and its index) from compiled policies, in order.</summary>
    public PolicySet(string name, IEnumerable<CompiledPolicy> policies)
    {
        Name = name;
        Policies = [.. policies];
        var all = Policies.SelectMany(p => p.Statements.Select(s => new Entry(p, s))).ToArray();
        _anyService = [.. all.Where(e => e.Statement.ExactServices is null)];
        _byService = new Dictionary<string, Entry[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in all.SelectMany(e => e.Statement.ExactServices ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            _byService[service] = [.. all.Where(e => e.Statement.ExactServices is not { } services || services.Contains(service, StringComparer.OrdinalIgnoreCase))];
        }
        _lookup = _byService.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The name used in decisions (role name, "guardrails", …).</summary>
    public string Name { get; }

    /// <summary>The policies in evaluation (and reporting) order.</summary>
    public IReadOnlyList<CompiledPolicy> Policies { get; }

    /// <summary>True when the set has no policy at all (everything is implicitly denied).</summary>
    public bool IsEmpty => Policies.Count == 0;

    /// <summary>Evaluates one action on one resource.</summary>
    public PolicyEvaluation Evaluate(string action, string resource, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var candidates = ActionCandidates(action);
        Entry? allow = null;
        foreach (var entry in candidates)
        {
            var statement = entry.Statement;
            if (allow is not null && statement.Effect == PolicyEffect.Allow)
            {
                continue;
            }
            if (!statement.MatchesResource(resource, context) || !statement.ConditionsHold(context))
            {
                continue;
            }
            if (statement.Effect == PolicyEffect.Deny)
            {
                return new PolicyEvaluation(EvaluationOutcome.ExplicitDeny, entry.Policy, statement, resource);
            }
            allow = entry;
        }
        return allow is null
            ? new PolicyEvaluation(EvaluationOutcome.ImplicitDeny, null, null, resource)
            : new PolicyEvaluation(EvaluationOutcome.Allow, allow.Policy, allow.Statement, resource);
    }

    /// <summary>
    /// Evaluates one action on several resources: every resource must be allowed; an explicit deny on any of them
    /// decides first, then the first resource that nothing allows.
    /// </summary>
    public PolicyEvaluation Evaluate(string action, IReadOnlyList<string> resources, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if (resources.Count == 1)
        {
            return Evaluate(action, resources[0], context);
        }
        PolicyEvaluation? firstAllow = null;
        PolicyEvaluation? firstImplicit = null;
        foreach (var resource in resources.Count == 0 ? ["*"] : resources)
        {
            var result = Evaluate(action, resource, context);
            switch (result.Outcome)
            {
                case EvaluationOutcome.ExplicitDeny:
                    return result;
                case EvaluationOutcome.ImplicitDeny:
                    firstImplicit ??= result;
                    break;
                default:
                    firstAllow ??= result;
                    break;
            }
        }
        return firstImplicit ?? firstAllow!.Value;
    }

    /// <summary>The statements (in order) whose Action/NotAction matches <paramref name="action"/>.</summary>
    private Entry[] ActionCandidates(string action)
    {
        return _byAction.TryGetValue(action, out var cached) ? cached : MatchActionUncached(action);
    }

    // Kept apart from the hit path: the lambda's closure would otherwise be allocated on every call.
    private Entry[] MatchActionUncached(string action)
    {
        var matching = Array.FindAll(Candidates(action), e => e.Statement.MatchesAction(action));
        if (_byAction.Count < MaxCachedActions)
        {
            _byAction.TryAdd(action, matching);
        }
        return matching;
    }

    private Entry[] Candidates(string action)
    {
        var colon = action.AsSpan().IndexOf(':');
        if (colon > 0 && _lookup.TryGetValue(action.AsSpan(0, colon), out var entries))
        {
            return entries;
        }
        return _anyService;
    }

    private sealed record Entry(CompiledPolicy Policy, CompiledStatement Statement);
}
