using System.Collections.Frozen;

namespace Crowsnest.Aws.Models;

/// <summary>
/// Whether an operation only reads, by its name (the way IAM's access levels mostly fall), with a table of
/// exceptions: reads that reveal secrets or mint credentials are <em>sensitive</em> and never count as read-only.
/// </summary>
public static class ReadOnlyOperations
{
    private static readonly string[] ReadPrefixes =
        ["Get", "List", "Describe", "Head", "Lookup", "Search", "Query", "Scan", "BatchGet", "Check", "Preview", "Estimate"];

    // IAM action -> why it is not a plain read.
    private static readonly FrozenDictionary<string, string> Sensitive = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ec2:GetPasswordData"] = "reveals an instance's administrator password",
        ["ec2:GetConsoleScreenshot"] = "reveals an instance's screen",
        ["s3:GetObject"] = "reads object contents",
        ["secretsmanager:GetSecretValue"] = "reveals a secret",
        ["secretsmanager:BatchGetSecretValue"] = "reveals secrets",
        ["sts:GetSessionToken"] = "mints credentials",
        ["sts:GetFederationToken"] = "mints credentials",
        ["ecr:GetAuthorizationToken"] = "mints a registry password",
        ["codeartifact:GetAuthorizationToken"] = "mints a repository token",
        ["cognito-identity:GetCredentialsForIdentity"] = "mints credentials",
        ["cognito-identity:GetOpenIdToken"] = "mints a token",
        ["cognito-identity:GetOpenIdTokenForDeveloperIdentity"] = "mints a token",
        ["cognito-identity:GetId"] = "creates an identity",
        ["sso:GetRoleCredentials"] = "mints credentials",
        ["redshift:GetClusterCredentials"] = "mints database credentials",
        ["redshift:GetClusterCredentialsWithIAM"] = "mints database credentials",
        ["rds:GenerateDbAuthToken"] = "mints a database token",
        ["lightsail:GetInstanceAccessDetails"] = "reveals SSH keys",
        ["ssm:GetDeployablePatchSnapshotForInstance"] = "creates a snapshot",
        ["kms:GetParametersForImport"] = "issues key-import material",
        ["iam:GetCredentialReport"] = "reveals credential details",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsReadOnly(OperationModel operation) =>
        SensitiveReason(operation) is null && ReadPrefixes.Any(p => StartsWithWord(operation.Name, p));

    /// <summary>Why a read-looking operation is sensitive, or null.</summary>
    public static string? SensitiveReason(OperationModel operation) =>
        Sensitive.TryGetValue(operation.IamAction, out var why) || Sensitive.TryGetValue($"{IamActions.Prefix(operation.Service.Metadata)}:{operation.Name}", out why)
            ? why
            : null;

    // "Get" must start a word: GetObject yes, Getaway no.
    private static bool StartsWithWord(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || char.IsUpper(name[prefix.Length]));
}
