using System.Text.Json.Nodes;
using Crowsnest.Commands.Authorize;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Iam;
using Crowsnest.Iam.Sources;
using Crowsnest.Tests.Aws;
using Crowsnest.Tests.Commands.Execute;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Commands.Authorize;

/// <summary>The IAM-backed policy source against moto: a role with an attached customer policy and an inline policy.</summary>
public class AwsPolicySourceTests
{
    private const string AssumeByEc2 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string Alarms = """{"Version":"2012-10-17","Statement":[{"Sid":"Alarms","Effect":"Allow","Action":["cloudwatch:DescribeAlarms","cloudwatch:PutMetricAlarm"],"Resource":"*"}]}""";
    // A '+' and a space survive IAM's URL encoding only if decoding is RFC 3986 (not form decoding).
    private const string Logs = """{"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Action":"logs:FilterLogEvents","Resource":"arn:aws:logs:us-east-1:123456789012:log-group:a+b c:*"}]}""";

    [Fact]
    public async Task A_roles_attached_and_inline_policies_come_back_decoded_and_resolve_into_decisions()
    {
        var moto = await MotoAws.SharedAsync();
        var role = MotoAws.Unique("chat-role");
        var policyName = MotoAws.Unique("alarms");
        var roleArn = (string)(await RawAsync(moto, "CreateRole", new() { ["RoleName"] = role, ["AssumeRolePolicyDocument"] = AssumeByEc2 }))["Role"]!["Arn"]!;
        var policyArn = (string)(await RawAsync(moto, "CreatePolicy", new() { ["PolicyName"] = policyName, ["PolicyDocument"] = Alarms }))["Policy"]!["Arn"]!;
        await RawAsync(moto, "AttachRolePolicy", new() { ["RoleName"] = role, ["PolicyArn"] = policyArn });
        await RawAsync(moto, "PutRolePolicy", new() { ["RoleName"] = role, ["PolicyName"] = "logs-inline", ["PolicyDocument"] = Logs });
        var source = new AwsPolicySource(moto.Invoker, TestModels.Catalog, _ => Task.FromResult(MotoAws.TestCredentials));

        var fetched = await source.GetRolePoliciesAsync(roleArn, CancellationToken.None);
        var managed = await source.GetManagedPolicyAsync(policyArn, CancellationToken.None);

        Assert.Equal(FetchStatus.Found, fetched.Status);
        Assert.Equal([policyArn], fetched.AttachedPolicyArns);
        var inline = Assert.Single(fetched.InlinePolicies);
        Assert.Equal("logs-inline", inline.Name);
        Assert.Equal(JsonNode.Parse(Logs)!.ToJsonString(), JsonNode.Parse(inline.Json)!.ToJsonString());
        Assert.Equal(FetchStatus.Found, managed.Status);
        Assert.Equal(policyName, managed.Policy!.Name);
        Assert.Equal(JsonNode.Parse(Alarms)!.ToJsonString(), JsonNode.Parse(managed.Policy.Json)!.ToJsonString());

        var resolved = await new PolicyResolver(new CachingPolicySource(source, new FakeTimeProvider(), TimeSpan.FromMinutes(5)), new ModelReadOnlyOperationCatalog(TestModels.Catalog))
            .ResolveRoleAsync(roleArn, CancellationToken.None);
        Assert.True(resolved.IsResolved, string.Join("; ", resolved.Problems));
        var context = new RequestContext();
        Assert.True(resolved.Set.Evaluate("cloudwatch:PutMetricAlarm", "*", context).IsAllowed);
        Assert.True(resolved.Set.Evaluate("logs:FilterLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:a+b c:log-stream:x", context).IsAllowed);
        Assert.False(resolved.Set.Evaluate("ec2:StopInstances", "*", context).IsAllowed);
    }

    [Fact]
    public async Task Missing_roles_and_policies_are_not_found_and_the_cache_keeps_answers_until_they_expire()
    {
        var moto = await MotoAws.SharedAsync();
        var calls = 0;
        var source = new AwsPolicySource(moto.Invoker, TestModels.Catalog, _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(MotoAws.TestCredentials);
        });
        var time = new FakeTimeProvider();
        var cached = new CachingPolicySource(source, time, TimeSpan.FromMinutes(5));
        var missingRole = $"arn:aws:iam::123456789012:role/{MotoAws.Unique("nobody")}";

        var first = await cached.GetRolePoliciesAsync(missingRole, CancellationToken.None);
        var again = await cached.GetRolePoliciesAsync(missingRole, CancellationToken.None);
        var callsBeforeExpiry = calls;
        time.Advance(TimeSpan.FromMinutes(6));
        await cached.GetRolePoliciesAsync(missingRole, CancellationToken.None);
        var policy = await source.GetManagedPolicyAsync($"arn:aws:iam::123456789012:policy/{MotoAws.Unique("none")}", CancellationToken.None);

        Assert.Equal(FetchStatus.NotFound, first.Status);
        Assert.Same(first, again);
        Assert.Equal(1, callsBeforeExpiry);
        Assert.Equal(3, calls); // one more role lookup after expiry, then the policy lookup
        Assert.Equal(FetchStatus.NotFound, policy.Status);
    }

    [Fact]
    public async Task A_failure_to_reach_IAM_is_a_failed_fetch_not_an_exception()
    {
        using var http = new HttpClient();
        var unreachable = new AwsInvoker(http, new AwsInvokerOptions
        {
            Endpoints = new() { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{Testing.FreePort.Next()}" } },
            MaxRetries = 0,
        });
        var source = new AwsPolicySource(unreachable, TestModels.Catalog, _ => Task.FromResult(MotoAws.TestCredentials));

        var fetched = await source.GetRolePoliciesAsync("arn:aws:iam::123456789012:role/ops", CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, fetched.Status);
        Assert.Contains("arn:aws:iam::123456789012:role/ops", fetched.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> RawAsync(MotoAws moto, string operation, JsonObject input)
    {
        var call = new AwsCall(TestModels.Catalog.Find("iam")!.Operation(operation)!, input, null, new OutputOptions());
        var result = await moto.Invoker.InvokeAsync(call, MotoAws.TestCredentials, CancellationToken.None);
        if (result is AwsResult.Failure failure)
        {
            Assert.Fail($"iam {operation} failed: {failure.Error}");
        }
        return Assert.IsType<AwsResult.Success>(result).Output;
    }
}
