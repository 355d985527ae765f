using System.Collections.Concurrent;

namespace Crowsnest.Iam.Sources;

/// <summary>Policies and roles stored in Crowsnest (or set up by tests).</summary>
public sealed class InMemoryPolicySource : IPolicySource
{
    private readonly ConcurrentDictionary<string, PolicyText> _policies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RolePoliciesFetch> _roles = new(StringComparer.Ordinal);

    /// <summary>Stores (or replaces) a managed policy; its name is the last part of the ARN.</summary>
    public InMemoryPolicySource SetManagedPolicy(string policyArn, string json)
    {
        ArgumentNullException.ThrowIfNull(policyArn);
        _policies[policyArn] = new PolicyText(policyArn[(policyArn.LastIndexOf('/') + 1)..], json);
        return this;
    }

    /// <summary>Stores (or replaces) a role's attached policy ARNs and inline policies.</summary>
    public InMemoryPolicySource SetRole(string roleArn, IReadOnlyList<string> attachedPolicyArns, IReadOnlyList<PolicyText> inlinePolicies)
    {
        _roles[roleArn] = RolePoliciesFetch.Found(attachedPolicyArns, inlinePolicies);
        return this;
    }

    /// <summary>How many times each kind of lookup was answered (lets tests see the cache at work).</summary>
    public int Lookups => _lookups;

    private int _lookups;

    /// <inheritdoc />
    public ValueTask<PolicyFetch> GetManagedPolicyAsync(string policyArn, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return ValueTask.FromResult(_policies.TryGetValue(policyArn, out var policy) ? PolicyFetch.Found(policy) : PolicyFetch.NotFound(policyArn));
    }

    /// <inheritdoc />
    public ValueTask<RolePoliciesFetch> GetRolePoliciesAsync(string roleArn, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return ValueTask.FromResult(_roles.TryGetValue(roleArn, out var role) ? role : RolePoliciesFetch.NotFound(roleArn));
    }
}
