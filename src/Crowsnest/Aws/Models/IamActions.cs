using System.Collections.Frozen;

namespace Crowsnest.Aws.Models;

/// <summary>
/// The IAM action a call needs: <c>&lt;service prefix&gt;:&lt;Operation&gt;</c>, where the prefix is the signing name
/// except for the services and operations IAM names differently.
/// </summary>
internal static class IamActions
{
    // Signing name -> IAM service prefix, where they differ.
    private static readonly FrozenDictionary<string, string> Prefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["monitoring"] = "cloudwatch",
        ["email"] = "ses",
        ["elasticmapreduce"] = "elasticmapreduce",
        ["runtime.lex"] = "lex",
        ["runtime.sagemaker"] = "sagemaker",
        ["execute-api"] = "execute-api",
        ["iotdata"] = "iot",
        ["data.iot"] = "iot",
        ["data.jobs.iot"] = "iotjobsdata",
        ["tagging"] = "tag",
        ["awsssooidc"] = "sso-oauth",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // "<iam prefix>:<Operation>" -> the action IAM actually checks.
    private static readonly FrozenDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["s3:ListBuckets"] = "s3:ListAllMyBuckets",
        ["s3:ListObjects"] = "s3:ListBucket",
        ["s3:ListObjectsV2"] = "s3:ListBucket",
        ["s3:ListObjectVersions"] = "s3:ListBucketVersions",
        ["s3:HeadBucket"] = "s3:ListBucket",
        ["s3:HeadObject"] = "s3:GetObject",
        ["s3:GetObjectAttributes"] = "s3:GetObject",
        ["s3:DeleteObjects"] = "s3:DeleteObject",
        ["s3:ListMultipartUploads"] = "s3:ListBucketMultipartUploads",
        ["s3:ListParts"] = "s3:ListMultipartUploadParts",
        ["s3:CopyObject"] = "s3:PutObject",
        ["s3:CreateMultipartUpload"] = "s3:PutObject",
        ["s3:UploadPart"] = "s3:PutObject",
        ["s3:CompleteMultipartUpload"] = "s3:PutObject",
        ["s3:GetBucketNotificationConfiguration"] = "s3:GetBucketNotification",
        ["s3:PutBucketNotificationConfiguration"] = "s3:PutBucketNotification",
        ["s3:GetBucketLifecycleConfiguration"] = "s3:GetLifecycleConfiguration",
        ["s3:PutBucketLifecycleConfiguration"] = "s3:PutLifecycleConfiguration",
        ["s3:DeleteBucketLifecycle"] = "s3:PutLifecycleConfiguration",
        ["s3:GetBucketEncryption"] = "s3:GetEncryptionConfiguration",
        ["s3:PutBucketEncryption"] = "s3:PutEncryptionConfiguration",
        ["lambda:Invoke"] = "lambda:InvokeFunction",
        ["lambda:InvokeAsync"] = "lambda:InvokeFunction",
        ["lambda:InvokeWithResponseStream"] = "lambda:InvokeFunction",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Prefix(ServiceMetadata service) =>
        Prefixes.TryGetValue(service.SigningName, out var p) ? p : service.SigningName;

    public static string For(OperationModel operation)
    {
        var action = $"{Prefix(operation.Service.Metadata)}:{operation.Name}";
        return Actions.TryGetValue(action, out var renamed) ? renamed : action;
    }
}
