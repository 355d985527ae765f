using System.Collections.Concurrent;

namespace Crowsnest.Iam.Sources;

/// <summary>A resolved policy set, or the problems that kept it from being complete (then <see cref="Set"/> is null).</summary>
public sealed record PolicySetResolution(PolicySet? Set, IReadOnlyList<string> Problems)
{
    /// <summary>True when every policy was found and valid.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Set))]
    public bool IsResolved => Set is not null;
}

/// <summary>
/// Turns a role ARN or a list of guardrail policy ARNs into a compiled <see cref="PolicySet"/>. AWS managed policies
/// that Crowsnest knows (AdministratorAccess, ReadOnlyAccess, AWSSupportAccess, …) are built in; the rest come from
/// the <see cref="IPolicySource"/>. Each distinct document is compiled once.
/// </summary>
public sealed class PolicyResolver(IPolicySource source, IReadOnlyOperationCatalog catalog)
{
    private readonly ConcurrentDictionary<(string Name, string Json), CompileResult> _compiled = new();

    /// <summary>A role's attached and inline policies, as one set named after the role.</summary>
    public async ValueTask<PolicySetResolution> ResolveRoleAsync(string roleArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        var role = await source.GetRolePoliciesAsync(roleArn, cancellationToken);
        if (role.Status != FetchStatus.Found)
        {
            return new PolicySetResolution(null, [role.Error ?? $"role {roleArn} could not be read"]);
        }
        var problems = new List<string>();
        var policies = new List<CompiledPolicy>();
        await AddManagedAsync(role.AttachedPolicyArns, policies, problems, cancellationToken);
        foreach (var inline in role.InlinePolicies)
        {
            AddCompiled(inline, PolicyLimits.RoleInline, policies, problems);
        }
        var inlineSize = role.InlinePolicies.Sum(p => p.Json.Count(c => !char.IsWhiteSpace(c)));
        if (inlineSize > PolicyLimits.RoleInline.MaxCharacters)
        {
            problems.Add($"the inline policies of {roleArn} have {inlineSize} characters together; IAM allows {PolicyLimits.RoleInline.MaxCharacters} per role");
        }
        return Finish(RoleName(roleArn), policies, problems);
    }

    /// <summary>Guardrail policies by ARN, as one set.</summary>
    public async ValueTask<PolicySetResolution> ResolvePoliciesAsync(string setName, IReadOnlyList<string> policyArns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyArns);
        var problems = new List<string>();
        var policies = new List<CompiledPolicy>();
        await AddManagedAsync(policyArns, policies, problems, cancellationToken);
        return Finish(setName, policies, problems);
    }

    /// <summary>The name shown for a role: the part after the last slash of its ARN.</summary>
    public static string RoleName(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];

    private async ValueTask AddManagedAsync(IReadOnlyList<string> arns, List<CompiledPolicy> policies, List<string> problems, CancellationToken cancellationToken)
    {
        foreach (var arn in arns)
        {
            if (arn.StartsWith("arn:aws:iam::aws:policy/", StringComparison.Ordinal) && PolicyTemplates.TryFind(arn, out var builtIn))
            {
                policies.AddRange(builtIn.Compile(catalog));
                continue;
            }
            var fetched = await source.GetManagedPolicyAsync(arn, cancellationToken);
            if (fetched.Policy is null)
            {
                problems.Add(fetched.Error ?? $"policy {arn} could not be read");
                continue;
            }
            AddCompiled(fetched.Policy, PolicyLimits.ManagedPolicy, policies, problems);
        }
    }

    private void AddCompiled(PolicyText text, PolicyLimits limits, List<CompiledPolicy> policies, List<string> problems)
    {
        var result = _compiled.GetOrAdd((text.Name, text.Json), key => CompiledPolicy.Parse(key.Name, key.Json, limits));
        if (result.IsValid)
        {
            policies.Add(result.Policy);
        }
        else
        {
            problems.AddRange(result.Problems.Select(p => $"policy {text.Name}: {p}"));
        }
    }

    private static PolicySetResolution Finish(string name, List<CompiledPolicy> policies, List<string> problems)
        => problems.Count == 0 ? new PolicySetResolution(new PolicySet(name, policies), []) : new PolicySetResolution(null, problems);
}
