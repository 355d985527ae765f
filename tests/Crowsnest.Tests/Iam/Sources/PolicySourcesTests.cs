using Crowsnest.Iam;
using Crowsnest.Iam.Sources;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Iam.Sources;

public class PolicySourcesTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/chat/OpsRole";
    private const string PolicyArn = "arn:aws:iam::123456789012:policy/OpsAlarms";
    private const string Alarms = """{"Version":"2012-10-17","Statement":[{"Sid":"Alarms","Effect":"Allow","Action":"cloudwatch:*Alarm*","Resource":"*"}]}""";
    private const string Logs = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:FilterLogEvents","Resource":"*"}]}""";

    [Fact]
    public async Task A_role_resolves_to_its_attached_built_in_and_inline_policies()
    {
        var source = new InMemoryPolicySource()
            .SetManagedPolicy(PolicyArn, Alarms)
            .SetRole(RoleArn, [PolicyArn, "arn:aws:iam::aws:policy/AWSSupportAccess"], [new PolicyText("logs-inline", Logs)]);
        var resolver = new PolicyResolver(source, PrefixReadOnlyOperationCatalog.Instance);

        var resolved = await resolver.ResolveRoleAsync(RoleArn, CancellationToken.None);

        Assert.True(resolved.IsResolved, string.Join("; ", resolved.Problems));
        Assert.Equal("OpsRole", resolved.Set.Name);
        Assert.Equal(["OpsAlarms", "AWSSupportAccess", "logs-inline"], resolved.Set.Policies.Select(p => p.Name));
        var context = new RequestContext();
        Assert.True(resolved.Set.Evaluate("cloudwatch:PutMetricAlarm", "*", context).IsAllowed);
        Assert.True(resolved.Set.Evaluate("support:CreateCase", "*", context).IsAllowed);
        Assert.True(resolved.Set.Evaluate("logs:FilterLogEvents", "*", context).IsAllowed);
        Assert.False(resolved.Set.Evaluate("ec2:StopInstances", "*", context).IsAllowed);
    }

    [Fact]
    public async Task Missing_and_invalid_policies_are_reported_not_half_applied()
    {
        var source = new InMemoryPolicySource()
            .SetManagedPolicy(PolicyArn, """{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"x","Resource":"*"}]}""");
        var resolver = new PolicyResolver(source, PrefixReadOnlyOperationCatalog.Instance);

        var resolved = await resolver.ResolvePoliciesAsync("guardrails", [PolicyArn, "arn:aws:iam::123456789012:policy/Gone"], CancellationToken.None);

        Assert.False(resolved.IsResolved);
        Assert.Contains(resolved.Problems, p => p.Contains("OpsAlarms: Statement[0].Effect", StringComparison.Ordinal));
        Assert.Contains(resolved.Problems, p => p.Contains("policy arn:aws:iam::123456789012:policy/Gone was not found", StringComparison.Ordinal));
        Assert.False((await resolver.ResolveRoleAsync("arn:aws:iam::1:role/none", CancellationToken.None)).IsResolved);
    }

    [Fact]
    public async Task A_role_whose_inline_policies_exceed_10240_characters_together_is_refused()
    {
        var big = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"{{new string('a', 6000)}}","Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
        var source = new InMemoryPolicySource().SetRole(RoleArn, [], [new PolicyText("one", big), new PolicyText("two", big)]);

        var resolved = await new PolicyResolver(source, PrefixReadOnlyOperationCatalog.Instance).ResolveRoleAsync(RoleArn, CancellationToken.None);

        Assert.Contains(resolved.Problems, p => p.Contains("IAM allows 10240 per role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cache_answers_until_it_expires_or_is_refreshed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var inner = new InMemoryPolicySource().SetManagedPolicy(PolicyArn, Alarms);
        var cache = new CachingPolicySource(inner, time, TimeSpan.FromMinutes(5));

        await cache.GetManagedPolicyAsync(PolicyArn, CancellationToken.None);
        inner.SetManagedPolicy(PolicyArn, Logs);
        var cached = await cache.GetManagedPolicyAsync(PolicyArn, CancellationToken.None);
        Assert.Equal(Alarms, cached.Policy!.Json);
        Assert.Equal(1, inner.Lookups);

        time.Advance(TimeSpan.FromMinutes(5));
        var expired = await cache.GetManagedPolicyAsync(PolicyArn, CancellationToken.None);
        Assert.Equal(Logs, expired.Policy!.Json);
        Assert.Equal(2, inner.Lookups);

        inner.SetManagedPolicy(PolicyArn, Alarms);
        cache.Refresh(PolicyArn);
        Assert.Equal(Alarms, (await cache.GetManagedPolicyAsync(PolicyArn, CancellationToken.None)).Policy!.Json);
        Assert.Equal(3, inner.Lookups);
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        var time = new FakeTimeProvider();
        var inner = new FailingOnceSource();
        var cache = new CachingPolicySource(inner, time, TimeSpan.FromMinutes(5));

        Assert.Equal(FetchStatus.Failed, (await cache.GetRolePoliciesAsync(RoleArn, CancellationToken.None)).Status);
        Assert.Equal(FetchStatus.Found, (await cache.GetRolePoliciesAsync(RoleArn, CancellationToken.None)).Status);
        Assert.Equal(FetchStatus.Found, (await cache.GetRolePoliciesAsync(RoleArn, CancellationToken.None)).Status);
        Assert.Equal(2, inner.Calls);
    }

    private sealed class FailingOnceSource : IPolicySource
    {
        public int Calls { get; private set; }

        public ValueTask<PolicyFetch> GetManagedPolicyAsync(string policyArn, CancellationToken cancellationToken)
            => ValueTask.FromResult(PolicyFetch.NotFound(policyArn));

        public ValueTask<RolePoliciesFetch> GetRolePoliciesAsync(string roleArn, CancellationToken cancellationToken)
            => ValueTask.FromResult(++Calls == 1 ? RolePoliciesFetch.Failed("throttled") : RolePoliciesFetch.Found([], []));
    }
}
