using Crowsnest.Iam;

namespace Crowsnest.Tests.Iam;

public class BlockedOperationsTests
{
    [Theory]
    [InlineData("iam:ListUsers")]
    [InlineData("sts:GetCallerIdentity")]
    [InlineData("kms:Decrypt")]
    [InlineData("secretsmanager:GetSecretValue")]
    [InlineData("sso:ListAccounts")]
    [InlineData("sso-oidc:CreateToken")]
    [InlineData("identitystore:ListUsers")]
    [InlineData("cognito-idp:ListUsers")]
    [InlineData("sdb:Select")]
    [InlineData("chatbot:DescribeSlackChannelConfigurations")]
    [InlineData("ec2:GetPasswordData")]
    [InlineData("ecr:GetAuthorizationToken")]
    [InlineData("s3:GetObject")]
    [InlineData("s3:HeadObject")]
    [InlineData("s3:GetBucketPolicy")]
    [InlineData("redshift:GetClusterCredentials")]
    [InlineData("lightsail:GetKeyPair")]
    [InlineData("lightsail:GetKeyPairs")]
    [InlineData("dynamodb:GetItem")]
    [InlineData("dynamodb:BatchGetItem")]
    [InlineData("storagegateway:DescribeChapCredentials")]
    [InlineData("appsync:ListApiKeys")]
    [InlineData("codecommit:GetFile")]
    [InlineData("snowball:GetJobUnlockCode")]
    [InlineData("Lightsail:getkeypair")]
    public void AWS_Chatbot_blocked_operations_are_blocked(string action)
    {
        Assert.True(BlockedOperations.Default.TryMatch(action, out var entry));
        Assert.False(string.IsNullOrEmpty(entry.Reason));
    }

    [Theory]
    [InlineData("cloudwatch:DescribeAlarms")]
    [InlineData("s3:ListBucket")]
    [InlineData("dynamodb:Query")]
    [InlineData("ec2:DescribeInstances")]
    [InlineData("lambda:InvokeFunction")]
    [InlineData("iamx:Foo")]
    public void Other_operations_are_not_blocked(string action)
    {
        Assert.False(BlockedOperations.Default.TryMatch(action, out _));
    }

    [Fact]
    public void The_list_is_data_with_whole_services_and_single_operations()
    {
        var entries = BlockedOperations.Default.Entries;

        Assert.Contains(entries, e => e is { Action: "sts:*", IsWholeService: true });
        Assert.Contains(entries, e => e is { Action: "ec2:GetPasswordData", IsWholeService: false });
        Assert.Equal(entries.Count, entries.Select(e => e.Action).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.True(new BlockedOperations([new BlockedOperation("ssm:*", "custom")]).TryMatch("ssm:SendCommand", out var custom));
        Assert.Equal("custom", custom.Reason);
    }
}
