using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Commands.Execute;

/// <summary>With moto's authentication on, signatures are checked and assumed roles' IAM policies are enforced.</summary>
public class MotoAuthenticationTests
{
    private const string TrustPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/admin\"},\"Action\":\"sts:AssumeRole\"}]}";

    private const string ReadLogGroupsPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:DescribeLogGroups\",\"Resource\":\"*\"}]}";

    private const string AdminPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    [Fact]
    public async Task Wrong_secret_is_refused_and_assumed_role_is_limited_to_its_policy()
    {
        await using var server = await MotoServer.StartAsync(initialNoAuthActions: 5);
        var moto = new MotoAws(server.Url);
        // The first five calls run before authentication starts: an admin user with a key, and a role that may only list log groups.
        await moto.OkAsync("iam create-user --user-name admin");
        await moto.OkAsync($"iam put-user-policy --user-name admin --policy-name all --policy-document '{AdminPolicy}'");
        var key = (await moto.OkAsync("iam create-access-key --user-name admin"))["AccessKey"]!;
        await moto.OkAsync($"iam create-role --role-name reader --assume-role-policy-document '{TrustPolicy}'");
        await moto.OkAsync($"iam put-role-policy --role-name reader --policy-name loggroups --policy-document '{ReadLogGroupsPolicy}'");
        var admin = new AwsCredentials((string)key["AccessKeyId"]!, (string)key["SecretAccessKey"]!);

        var wrong = await moto.FailAsync("sts get-caller-identity", admin with { SecretAccessKey = "not-the-secret" });
        Assert.Equal("SignatureDoesNotMatch", wrong.Error.Code);
        Assert.DoesNotContain("not-the-secret", wrong.PlainMessage, StringComparison.Ordinal);
        var identity = await moto.OkAsync("sts get-caller-identity", admin);
        Assert.EndsWith(":user/admin", (string?)identity["Arn"], StringComparison.Ordinal);

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var assumer = new RoleAssumer(_ => Task.FromResult(admin), new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.Url } }, time);
        var session = new RoleSession("arn:aws:iam::123456789012:role/reader", "slack", "U123 (Ann)", "ext-1");
        Assert.Equal("crowsnest-slack-U123--Ann-", session.SessionName);
        var first = await assumer.AssumeAsync(session, CancellationToken.None);
        Assert.True(first is AssumeRoleResult.Assumed, $"assume-role: {first}");
        var assumed = ((AssumeRoleResult.Assumed)first).Credentials;
        Assert.NotNull(assumed.SessionToken);
        Assert.Same(assumed, Assert.IsType<AssumeRoleResult.Assumed>(await assumer.AssumeAsync(session, CancellationToken.None)).Credentials);

        // (moto checks CloudWatch calls as "monitoring:*", not IAM's "cloudwatch:*", so this test uses CloudWatch Logs.)
        var allowed = await moto.OkAsync("logs describe-log-groups", assumed);
        Assert.NotNull(allowed["logGroups"]);
        var denied = await moto.FailAsync("sns list-topics", assumed);
        Assert.Equal("AccessDenied", denied.Error.Code);
        Assert.Contains("sns:ListTopics", denied.PlainMessage, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(56)); // within five minutes of expiry: assumed afresh
        var renewed = Assert.IsType<AssumeRoleResult.Assumed>(await assumer.AssumeAsync(session, CancellationToken.None)).Credentials;
        Assert.NotSame(assumed, renewed);
    }
}
