namespace Crowsnest.Iam;

/// <summary>One entry of the blocked list: a whole service (<c>sts:*</c>) or one operation, and why.</summary>
/// <param name="Action">The IAM action pattern, <c>service:*</c> or <c>service:Operation</c>.</param>
/// <param name="Reason">Why chat never runs it.</param>
public sealed record BlockedOperation(string Action, string Reason)
{
    /// <summary>True when the entry blocks every operation of a service.</summary>
    public bool IsWholeService => Action.EndsWith(":*", StringComparison.Ordinal);
}

/// <summary>
/// Operations never run from chat, whatever the policies say (AWS Chatbot's list: whole services that manage
/// identities, keys and secrets, and single operations that reveal credentials or data). The list is data, shown by the API.
/// </summary>
public sealed class BlockedOperations
{
    private const string IdentityReason = "manages identities, credentials, keys or secrets";
    private const string CredentialReason = "reveals credentials, secrets or data";

    /// <summary>AWS Chatbot's list (whole services by IAM prefix and by signing name, and single operations).</summary>
    public static readonly BlockedOperations Default = new(
    [
        .. new[]
        {
            "chatbot", "cognito-idp", "cognito-identity", "iam", "kms", "sdb", "secretsmanager", "sso", "sso-admin", "sso-oidc",
            "sso-oauth", "awsssoportal", "identitystore", "identity-sync", "sts",
        }.Select(s => new BlockedOperation(s + ":*", IdentityReason)),
        .. new[]
        {
            "appsync:ListApiKeys", "codecommit:GetFile", "codecommit:GetCommit", "codecommit:GetDifferences",
            "connect:GetFederationToken", "dynamodb:BatchGetItem", "dynamodb:GetItem", "ec2:GetPasswordData",
            "ecr:GetAuthorizationToken", "ecr:GetLogin", "gamelift:RequestUploadCredentials", "gamelift:GetInstanceAccess",
            "lightsail:DownloadDefaultKeyPair", "lightsail:GetInstanceAccessDetails", "lightsail:GetKeyPair",
            "lightsail:GetKeyPairs", "lightsail:UpdateRelationalDatabase", "redshift:GetClusterCredentials",
            "storagegateway:DescribeChapCredentials", "s3:GetBucketPolicy", "s3:GetObject", "s3:HeadObject",
            "snowball:GetJobUnlockCode",
        }.Select(a => new BlockedOperation(a, CredentialReason)),
    ]);

    private readonly Dictionary<string, BlockedOperation> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, BlockedOperation> _actions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, BlockedOperation>.AlternateLookup<ReadOnlySpan<char>> _serviceLookup;

    /// <summary>Builds a list from entries (<c>service:*</c> or <c>service:Operation</c>).</summary>
    public BlockedOperations(IEnumerable<BlockedOperation> entries)
    {
        Entries = [.. entries];
        foreach (var entry in Entries)
        {
            if (entry.IsWholeService)
            {
                _services[entry.Action[..^2]] = entry;
            }
            else
            {
                _actions[entry.Action] = entry;
            }
        }
        _serviceLookup = _services.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every entry, in order.</summary>
    public IReadOnlyList<BlockedOperation> Entries { get; }

    /// <summary>Finds the entry that blocks <paramref name="action"/> (case-insensitive), if any.</summary>
    public bool TryMatch(string action, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BlockedOperation? entry)
    {
        ArgumentNullException.ThrowIfNull(action);
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && _serviceLookup.TryGetValue(action.AsSpan(0, colon), out entry))
        {
            return true;
        }
        return _actions.TryGetValue(action, out entry);
    }
}
