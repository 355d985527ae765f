using System.Collections.Concurrent;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Aws.Protocols;

namespace Crowsnest.Aws.Credentials;

/// <summary>Who runs a command: the role to assume, for which chat platform and user, with an optional external id.</summary>
public sealed record RoleSession(string RoleArn, string Platform, string User, string? ExternalId = null)
{
    /// <summary><c>crowsnest-&lt;platform&gt;-&lt;user&gt;</c>, limited to the characters and 64-character length STS accepts.</summary>
    public string SessionName
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var c in $"crowsnest-{Platform}-{User}")
            {
                sb.Append(char.IsAsciiLetterOrDigit(c) || "+=,.@_-".Contains(c, StringComparison.Ordinal) ? c : '-');
            }
            return sb.Length > 64 ? sb.ToString(0, 64) : sb.ToString();
        }
    }
}

/// <summary>The outcome of assuming a role: credentials, or STS's refusal.</summary>
public abstract record AssumeRoleResult
{
    private AssumeRoleResult()
    {
    }

    public sealed record Assumed(AwsCredentials Credentials) : AssumeRoleResult;

    public sealed record Refused(AwsError Error) : AssumeRoleResult;
}

/// <summary>
/// Assumes IAM roles with AWSSDK.SecurityToken and caches the credentials until shortly before they expire.
/// The STS endpoint follows the same overrides as every other call (<c>AWS_ENDPOINT_URL_STS</c>, <c>AWS_ENDPOINT_URL</c>).
/// </summary>
public sealed class RoleAssumer(Func<CancellationToken, Task<AwsCredentials>> baseCredentials, AwsEndpointOptions endpoints, TimeProvider time)
{
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<(string, string, string?), AwsCredentials> _cache = new();

    /// <summary>How long assumed credentials last (STS's default is one hour).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(1);

    public async Task<AssumeRoleResult> AssumeAsync(RoleSession session, CancellationToken ct)
    {
        var key = (session.RoleArn, session.SessionName, session.ExternalId);
        if (_cache.TryGetValue(key, out var cached) && cached.Expiration - RefreshBefore > time.GetUtcNow())
        {
            return new AssumeRoleResult.Assumed(cached);
        }
        var caller = await baseCredentials(ct).ConfigureAwait(false);
        using var sts = new AmazonSecurityTokenServiceClient(caller.ToSdk(), Config());
        try
        {
            var answer = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = session.RoleArn,
                RoleSessionName = session.SessionName,
                ExternalId = session.ExternalId,
                DurationSeconds = (int)Duration.TotalSeconds,
            }, ct).ConfigureAwait(false);
            var c = answer.Credentials;
            var expiration = c.Expiration is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : time.GetUtcNow() + Duration;
            var credentials = new AwsCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken, expiration);
            _cache[key] = credentials;
            return new AssumeRoleResult.Assumed(credentials);
        }
        catch (AmazonServiceException e)
        {
            return new AssumeRoleResult.Refused(new AwsError(e.ErrorCode ?? "AssumeRoleFailed", e.Message, (int)e.StatusCode, e.RequestId));
        }
    }

    private AmazonSecurityTokenServiceConfig Config()
    {
        var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(endpoints.DefaultRegion) };
        if (endpoints.Overrides.TryGetValue("AWS_ENDPOINT_URL_STS", out var url) || endpoints.Overrides.TryGetValue("AWS_ENDPOINT_URL", out url))
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = endpoints.DefaultRegion;
        }
        return config;
    }
}
