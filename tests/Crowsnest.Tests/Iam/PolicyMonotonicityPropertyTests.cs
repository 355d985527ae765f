using Crowsnest.Commands.Authorize;
using Crowsnest.Iam;
using FsCheck;
using FsCheck.Fluent;

namespace Crowsnest.Tests.Iam;

/// <summary>
/// Properties that follow from "explicit deny wins, then allow, else implicit deny": adding a Deny statement never
/// turns a denied request into an allowed one, and removing an Allow statement never grants anything.
/// </summary>
public class PolicyMonotonicityPropertyTests
{
    private static readonly string[] Actions = ["*", "s3:*", "s3:Get*", "s3:PutObject", "sqs:*", "sqs:Send*", "ec2:Describe*", "cloudwatch:PutMetricAlarm", "*:List*", "SQS:listqueues"];
    private static readonly string[] Resources = ["*", "arn:aws:s3:::bkt/*", "arn:aws:s3:::bkt/public/*", "arn:aws:sqs:*:123456789012:q-?", "arn:aws:sqs:us-east-1:*:*", "arn:aws:s3:::home/${aws:username}/*"];
    private static readonly string[] Conditions =
    [
        "",
        ""","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}""",
        ""","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalTag/team":"ops"}}""",
        ""","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}""",
        ""","Condition":{"ForAnyValue:StringLike":{"aws:TagKeys":"te*"}}""",
        ""","Condition":{"Null":{"aws:PrincipalTag/team":"true"}}""",
        ""","Condition":{"NumericLessThan":{"aws:EpochTime":"1800000000"}}""",
    ];

    private static readonly string[] RequestActions = ["s3:GetObject", "s3:PutObject", "sqs:SendMessage", "sqs:ListQueues", "ec2:DescribeInstances", "cloudwatch:PutMetricAlarm", "iam:ListUsers"];
    private static readonly string[] RequestResources = ["*", "arn:aws:s3:::bkt/public/a", "arn:aws:s3:::bkt/private/a", "arn:aws:sqs:us-east-1:123456789012:q-1", "arn:aws:s3:::home/alice/x"];
    private static readonly string[] Contexts =
    [
        "",
        "aws:RequestedRegion=eu-west-1; aws:PrincipalTag/team=ops; aws:EpochTime=1700000000",
        "aws:RequestedRegion=us-east-1; aws:TagKeys=[team,cost]; aws:username=alice",
        "aws:TagKeys=[env]; aws:PrincipalTag/team=dev; aws:EpochTime=1900000000",
    ];

    private static Gen<string> Statement(Gen<string> effect) =>
        from e in effect
        from actionCount in Gen.Choose(1, 3)
        from actions in Gen.Elements(Actions).ArrayOf(actionCount)
        from notAction in Gen.Elements(false, false, true)
        from resourceCount in Gen.Choose(1, 2)
        from resources in Gen.Elements(Resources).ArrayOf(resourceCount)
        from notResource in Gen.Elements(false, false, true)
        from condition in Gen.Elements(Conditions)
        select $$"""{"Effect":"{{e}}","{{(notAction ? "NotAction" : "Action")}}":[{{Quoted(actions)}}],"{{(notResource ? "NotResource" : "Resource")}}":[{{Quoted(resources)}}]{{condition}}}""";

    private static readonly Gen<string[]> Policy = Gen.Choose(1, 6).SelectMany(n => Statement(Gen.Elements("Allow", "Allow", "Deny")).ArrayOf(n));

    private static readonly Gen<(string Action, string Resource, string Context)> Request =
        from action in Gen.Elements(RequestActions)
        from resource in Gen.Elements(RequestResources)
        from context in Gen.Elements(Contexts)
        select (action, resource, context);

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void Adding_a_deny_statement_never_grants_anything()
    {
        var cases = from policy in Policy
                    from deny in Statement(Gen.Constant("Deny"))
                    from position in Gen.Choose(0, 6)
                    from request in Request
                    select (policy, deny, position, request);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var with = c.policy.ToList();
            with.Insert(Math.Min(c.position, with.Count), c.deny);
            return !Allowed(with, c.request) || Allowed(c.policy, c.request);
        }).Check(Runs);
    }

    [Fact]
    public void Removing_an_allow_statement_never_grants_anything()
    {
        var cases = from policy in Policy
                    from index in Gen.Choose(0, 5)
                    from request in Request
                    select (policy, index, request);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var index = c.index % c.policy.Length;
            if (!c.policy[index].Contains("\"Effect\":\"Allow\"", StringComparison.Ordinal))
            {
                return true;
            }
            var without = c.policy.Where((_, i) => i != index).ToList();
            return without.Count == 0 || !Allowed(without, c.request) || Allowed(c.policy, c.request);
        }).Check(Runs);
    }

    [Fact]
    public void Adding_a_deny_to_a_guardrail_never_lets_a_command_through()
    {
        var cases = from role in Policy
                    from guardrail in Policy
                    from deny in Statement(Gen.Constant("Deny"))
                    from request in Request
                    select (role, guardrail, deny, request);
        var authorizer = new Authorizer();

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            bool Decide(IEnumerable<string> guardrail) => authorizer.Decide(
                new AuthorizationRequest(c.request.Action, [c.request.Resource], PolicyTestKit.Context(c.request.Context)),
                new Principal("U1"),
                new ChannelPolicies("prop", Compile("role", c.role), Compile("guardrail", [.. guardrail]))).Allowed;
            return !Decide(c.guardrail.Append(c.deny)) || Decide(c.guardrail);
        }).Check(Runs);
    }

    private static bool Allowed(IReadOnlyList<string> statements, (string Action, string Resource, string Context) request)
        => Compile("p", statements).Evaluate(request.Action, request.Resource, PolicyTestKit.Context(request.Context)).IsAllowed;

    private static PolicySet Compile(string name, IReadOnlyList<string> statements)
        => PolicyTestKit.Set(name, PolicyTestKit.Policy(string.Join(",", statements)));

    private static string Quoted(IEnumerable<string> values) => string.Join(",", values.Select(v => $"\"{v}\""));
}
