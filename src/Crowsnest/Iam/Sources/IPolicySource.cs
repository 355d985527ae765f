namespace Crowsnest.Iam.Sources;

/// <summary>
/// Where policy documents come from: managed or customer policies by ARN (<c>iam get-policy</c> + <c>get-policy-version</c>)
/// and a role's policies (<c>list-attached-role-policies</c>, <c>list-role-policies</c>, <c>get-role-policy</c>).
/// The AWS engine backs it with real calls; <see cref="InMemoryPolicySource"/> serves stored documents.
/// </summary>
public interface IPolicySource
{
    /// <summary>The default version of a managed policy.</summary>
    ValueTask<PolicyFetch> GetManagedPolicyAsync(string policyArn, CancellationToken cancellationToken);

    /// <summary>A role's attached managed policy ARNs and its inline policies.</summary>
    ValueTask<RolePoliciesFetch> GetRolePoliciesAsync(string roleArn, CancellationToken cancellationToken);
}

/// <summary>Whether a fetch found the thing, learned it does not exist, or could not tell.</summary>
public enum FetchStatus
{
    Found,
    NotFound,
    Failed,
}

/// <summary>A policy document as text, with the name decisions will show.</summary>
public sealed record PolicyText(string Name, string Json);

/// <summary>The answer for one managed policy.</summary>
public sealed record PolicyFetch(FetchStatus Status, PolicyText? Policy, string? Error = null)
{
    public static PolicyFetch Found(PolicyText policy) => new(FetchStatus.Found, policy);

    public static PolicyFetch NotFound(string arn) => new(FetchStatus.NotFound, null, $"policy {arn} was not found");

    public static PolicyFetch Failed(string error) => new(FetchStatus.Failed, null, error);
}

/// <summary>The answer for one role: attached managed policy ARNs and inline policies.</summary>
public sealed record RolePoliciesFetch(FetchStatus Status, IReadOnlyList<string> AttachedPolicyArns, IReadOnlyList<PolicyText> InlinePolicies, string? Error = null)
{
    public static RolePoliciesFetch Found(IReadOnlyList<string> attached, IReadOnlyList<PolicyText> inline) => new(FetchStatus.Found, attached, inline);

    public static RolePoliciesFetch NotFound(string roleArn) => new(FetchStatus.NotFound, [], [], $"role {roleArn} was not found");

    public static RolePoliciesFetch Failed(string error) => new(FetchStatus.Failed, [], [], error);
}
