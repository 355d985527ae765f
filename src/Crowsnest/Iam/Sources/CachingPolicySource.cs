using System.Collections.Concurrent;

namespace Crowsnest.Iam.Sources;

/// <summary>
/// Caches another source's answers for a time to live (found and not-found answers; failures are not cached), with
/// explicit refresh. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class CachingPolicySource(IPolicySource inner, TimeProvider time, TimeSpan timeToLive) : IPolicySource
{
    private readonly ConcurrentDictionary<string, (PolicyFetch Value, DateTimeOffset Expires)> _policies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (RolePoliciesFetch Value, DateTimeOffset Expires)> _roles = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask<PolicyFetch> GetManagedPolicyAsync(string policyArn, CancellationToken cancellationToken)
    {
        if (_policies.TryGetValue(policyArn, out var cached) && cached.Expires > time.GetUtcNow())
        {
            return cached.Value;
        }
        var fresh = await inner.GetManagedPolicyAsync(policyArn, cancellationToken);
        if (fresh.Status != FetchStatus.Failed)
        {
            _policies[policyArn] = (fresh, time.GetUtcNow() + timeToLive);
        }
        return fresh;
    }

    /// <inheritdoc />
    public async ValueTask<RolePoliciesFetch> GetRolePoliciesAsync(string roleArn, CancellationToken cancellationToken)
    {
        if (_roles.TryGetValue(roleArn, out var cached) && cached.Expires > time.GetUtcNow())
        {
            return cached.Value;
        }
        var fresh = await inner.GetRolePoliciesAsync(roleArn, cancellationToken);
        if (fresh.Status != FetchStatus.Failed)
        {
            _roles[roleArn] = (fresh, time.GetUtcNow() + timeToLive);
        }
        return fresh;
    }

    /// <summary>Forgets one policy or role ARN, so the next lookup asks the inner source.</summary>
    public void Refresh(string arn)
    {
        _policies.TryRemove(arn, out _);
        _roles.TryRemove(arn, out _);
    }

    /// <summary>Forgets everything.</summary>
    public void RefreshAll()
    {
        _policies.Clear();
        _roles.Clear();
    }
}
