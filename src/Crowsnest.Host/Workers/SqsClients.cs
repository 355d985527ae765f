using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SQS;
using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.Workers;

/// <summary>Builds the SQS client for a queue: its region or endpoint, default-chain credentials or an assumed role.</summary>
internal static class SqsClients
{
    public static AmazonSQSClient Create(SqsQueueSettings queue)
    {
        var config = new AmazonSQSConfig { AuthenticationRegion = queue.Region };
        if (queue.ServiceUrl is { } url)
        {
            config.ServiceURL = url;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(queue.Region);
        }
        return queue.RoleArn is { } role
            ? new AmazonSQSClient(new AssumedRoleCredentials(Sts(queue), role), config)
            : new AmazonSQSClient(config);
    }

    private static AmazonSecurityTokenServiceClient Sts(SqsQueueSettings queue)
    {
        var config = new AmazonSecurityTokenServiceConfig { AuthenticationRegion = queue.Region };
        if (queue.StsServiceUrl is { } url)
        {
            config.ServiceURL = url;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(queue.Region);
        }
        return new AmazonSecurityTokenServiceClient(config);
    }

    /// <summary>Credentials of an assumed role, renewed before they expire; the source credentials come from the default chain.</summary>
    private sealed class AssumedRoleCredentials(AmazonSecurityTokenServiceClient sts, string roleArn) : RefreshingAWSCredentials
    {
        protected override CredentialsRefreshState GenerateNewCredentials() => GenerateNewCredentialsAsync().GetAwaiter().GetResult();

        protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
        {
            var answer = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "crowsnest-sqs", DurationSeconds = 3600 });
            var c = answer.Credentials;
            return new CredentialsRefreshState(new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), c.Expiration ?? DateTime.UtcNow.AddMinutes(15));
        }
    }
}
