using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Crowsnest.Aws.Credentials;

/// <summary>AWS credentials for one call. The secret and token never appear in <see cref="ToString"/>.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? Expiration = null)
{
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, Expiration = {Expiration} }}";

    internal AWSCredentials ToSdk() => SessionToken is null
        ? new BasicAWSCredentials(AccessKeyId, SecretAccessKey)
        : new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken);

    /// <summary>The AWS SDK's default chain: environment, shared profile, container and instance roles.</summary>
    public static async Task<AwsCredentials> FromDefaultChainAsync()
    {
        var sdk = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
        var resolved = await sdk.GetCredentialsAsync().ConfigureAwait(false);
        return new AwsCredentials(resolved.AccessKey, resolved.SecretKey, string.IsNullOrEmpty(resolved.Token) ? null : resolved.Token);
    }
}
