namespace Crowsnest.Iam;

/// <summary>
/// Answers "is this IAM action read-only?" — the seam behind the built-in ReadOnlyAccess guardrail. The AWS engine
/// answers from the service models; <see cref="PrefixReadOnlyOperationCatalog"/> is the default.
/// </summary>
public interface IReadOnlyOperationCatalog
{
    /// <summary>True when <paramref name="action"/> (<c>service:Operation</c>) only reads.</summary>
    bool IsReadOnly(ReadOnlySpan<char> action);
}

/// <summary>
/// Read-only by operation-name prefix (Get, List, Describe, Search, Lookup, Query, Scan, Head, BatchGet, Check,
/// Validate, Test, …) except the operations that reveal credentials or secrets.
/// </summary>
public sealed class PrefixReadOnlyOperationCatalog : IReadOnlyOperationCatalog
{
    private static readonly string[] Prefixes =
    [
        "Get", "List", "Describe", "Search", "Lookup", "Query", "Scan", "Head", "BatchGet", "BatchDescribe", "Check",
        "Validate", "Test", "Estimate", "Preview", "Detect", "Select", "Filter", "View", "Verify",
    ];

    private static readonly HashSet<string> NotReadOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "ec2:GetPasswordData", "ecr:GetAuthorizationToken", "ecr:GetLogin", "redshift:GetClusterCredentials",
        "redshift:GetClusterCredentialsWithIAM", "redshift-serverless:GetCredentials", "connect:GetFederationToken",
        "codeartifact:GetAuthorizationToken", "gamelift:GetInstanceAccess", "gamelift:GetComputeAccess",
        "lightsail:GetInstanceAccessDetails", "lightsail:GetKeyPair", "lightsail:GetKeyPairs",
        "lightsail:GetRelationalDatabaseMasterUserPassword", "sts:GetSessionToken", "sts:GetFederationToken",
        "snowball:GetJobUnlockCode", "cognito-identity:GetCredentialsForIdentity", "cognito-identity:GetOpenIdToken",
        "sso:GetRoleCredentials", "rds:GenerateDbAuthToken", "storagegateway:DescribeChapCredentials",
        "appsync:ListApiKeys",
    };

    /// <summary>The shared default instance.</summary>
    public static readonly PrefixReadOnlyOperationCatalog Instance = new();

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exceptions = NotReadOnly.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc />
    public bool IsReadOnly(ReadOnlySpan<char> action)
    {
        var colon = action.IndexOf(':');
        if (colon <= 0 || colon == action.Length - 1)
        {
            return false;
        }
        var operation = action[(colon + 1)..];
        var first = char.ToUpperInvariant(operation[0]);
        foreach (var prefix in Prefixes)
        {
            if (prefix[0] == first && operation.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return !_exceptions.Contains(action);
            }
        }
        return false;
    }
}
