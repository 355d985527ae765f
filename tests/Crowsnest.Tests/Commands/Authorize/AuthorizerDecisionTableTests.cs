using Crowsnest.Commands.Authorize;
using Crowsnest.Iam;
using Crowsnest.Tests.Iam;

namespace Crowsnest.Tests.Commands.Authorize;

/// <summary>
/// Role ∩ guardrails ∩ not blocked. Rules: AWS Chatbot — "what your users can do is the intersection of your guardrail
/// policies and what is allowed by their roles"; no guardrail = AdministratorAccess; the blocked operations are never
/// run; IAM — an explicit deny in any policy wins.
/// </summary>
public class AuthorizerDecisionTableTests
{
    private const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private const string CloudWatchReads = """{"Version":"2012-10-17","Statement":[{"Sid":"Reads","Effect":"Allow","Action":["cloudwatch:Describe*","cloudwatch:Get*","cloudwatch:List*"],"Resource":"*"}]}""";
    private const string DenyWrites = """{"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"DenyWrites","Effect":"Deny","Action":["cloudwatch:Put*","cloudwatch:Delete*"],"Resource":"*"}]}""";
    private const string RoleDeniesDelete = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudwatch:*","Resource":"*"},{"Sid":"KeepAlarms","Effect":"Deny","Action":"cloudwatch:DeleteAlarms","Resource":"*"}]}""";

    private static readonly Dictionary<string, string> Policies = new()
    {
        ["allow-all"] = AllowAll,
        ["cw-reads"] = CloudWatchReads,
        ["deny-writes"] = DenyWrites,
        ["role-denies-delete"] = RoleDeniesDelete,
        ["lambda"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*"}]}""",
    };

    public static TheoryData<string, string, string?, string?, bool, string, DecisionStage> Rows => new()
    {
        // rule, channel role, guardrail (policy key, "template:X" or null = none set), user role, user roles required, action, expected
        { "Role and guardrail both allow: allowed", "allow-all", "cw-reads", null, false, "cloudwatch:DescribeAlarms", DecisionStage.Allowed },
        { "Guardrail allows nothing matching: the intersection is empty", "allow-all", "cw-reads", null, false, "cloudwatch:PutMetricAlarm", DecisionStage.Guardrail },
        { "Role allows nothing matching: a guardrail cannot grant", "cw-reads", "allow-all", null, false, "ec2:StopInstances", DecisionStage.Role },
        { "Explicit deny in a guardrail wins over the role's allow", "allow-all", "deny-writes", null, false, "cloudwatch:PutMetricAlarm", DecisionStage.Guardrail },
        { "Explicit deny in the role wins over the guardrail's allow", "role-denies-delete", "allow-all", null, false, "cloudwatch:DeleteAlarms", DecisionStage.Role },
        { "No guardrail set: AdministratorAccess applies, the role decides", "cw-reads", null, null, false, "cloudwatch:GetMetricData", DecisionStage.Allowed },
        { "No guardrail set: the role still bounds the user", "cw-reads", null, null, false, "cloudwatch:PutMetricAlarm", DecisionStage.Role },
        { "Read-only guardrail template: reads pass", "allow-all", "template:ReadOnly", null, false, "ec2:DescribeInstances", DecisionStage.Allowed },
        { "Read-only guardrail template: writes are outside ReadOnlyAccess", "allow-all", "template:ReadOnly", null, false, "ec2:TerminateInstances", DecisionStage.Guardrail },
        { "Lambda-invoke template: invoking is allowed", "allow-all", "template:LambdaInvoke", null, false, "lambda:InvokeFunction", DecisionStage.Allowed },
        { "Notification template: only CloudWatch reads", "allow-all", "template:Notification", null, false, "logs:FilterLogEvents", DecisionStage.Guardrail },
        { "User roles required and the user has none: denied before any policy", "allow-all", "allow-all", null, true, "cloudwatch:DescribeAlarms", DecisionStage.NoRole },
        { "User roles required: the user's role decides, not the channel role", "cw-reads", "allow-all", "lambda", true, "lambda:InvokeFunction", DecisionStage.Allowed },
        { "User roles required: the channel role's grants do not apply", "allow-all", "allow-all", "lambda", true, "cloudwatch:DescribeAlarms", DecisionStage.Role },
        { "A user's own role is used where the channel allows user roles", "cw-reads", "allow-all", "lambda", false, "lambda:InvokeFunction", DecisionStage.Allowed },
        { "Guardrails bound user roles too", "allow-all", "cw-reads", "allow-all", true, "lambda:InvokeFunction", DecisionStage.Guardrail },
        { "No channel role and no user role: nothing can run", "", "allow-all", null, false, "cloudwatch:DescribeAlarms", DecisionStage.NoRole },
        { "Every STS operation is blocked, whatever the policies", "allow-all", "allow-all", null, false, "sts:GetCallerIdentity", DecisionStage.Blocked },
        { "Every IAM operation is blocked (prefix case-insensitive)", "allow-all", "allow-all", null, false, "IAM:ListUsers", DecisionStage.Blocked },
        { "KMS, Secrets Manager, SSO, Cognito user pools, SimpleDB, Chatbot are blocked", "allow-all", "allow-all", null, false, "secretsmanager:ListSecrets", DecisionStage.Blocked },
        { "Credential-revealing ec2:GetPasswordData is blocked", "allow-all", "allow-all", null, false, "ec2:GetPasswordData", DecisionStage.Blocked },
        { "s3:GetObject is blocked (reveals data)", "allow-all", "allow-all", null, false, "s3:GetObject", DecisionStage.Blocked },
        { "dynamodb:GetItem is blocked but dynamodb:Query is not on the list", "allow-all", "allow-all", null, false, "dynamodb:Query", DecisionStage.Allowed },
        { "Blocked beats an allow and any missing role", "", null, null, true, "kms:Decrypt", DecisionStage.Blocked },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decides_role_intersect_guardrails_minus_blocked(string rule, string channelRole, string? guardrail, string? userRole, bool userRolesRequired, string action, DecisionStage expected)
    {
        var channel = new ChannelPolicies("ops-alerts", channelRole.Length == 0 ? null : PolicyTestKit.Set("ChannelRole", Policies[channelRole]), Guardrail(guardrail), userRolesRequired);
        var principal = new Principal("U123", "alice", userRole is null ? null : PolicyTestKit.Set("AliceRole", Policies[userRole]));

        var decision = new Authorizer().Decide(AuthorizationRequest.For(action, new RequestContext()), principal, channel);

        Assert.True(expected == decision.Stage, $"{rule}: expected {expected}, got {decision.Stage} ({decision.Reason})");
        Assert.Equal(expected == DecisionStage.Allowed, decision.Allowed);
        Assert.Equal(guardrail is null, decision.Warning is not null);
    }

    private static PolicySet? Guardrail(string? key) => key switch
    {
        null => null,
        _ when key.StartsWith("template:", StringComparison.Ordinal) && PolicyTemplates.TryFind(key["template:".Length..], out var template)
            => new PolicySet("guardrails", template.Compile(PrefixReadOnlyOperationCatalog.Instance)),
        _ => PolicyTestKit.Set("Guardrail", Policies[key]),
    };

    [Fact]
    public void Sentences_name_the_deciding_policy_and_statement()
    {
        var authorizer = new Authorizer();
        var context = new RequestContext();
        var readOnly = new ChannelPolicies("ops", PolicyTestKit.Set("OpsRole", AllowAll),
            new PolicySet("guardrails", [CompiledPolicy.Compile("ReadOnly", PolicyParser.Parse(DenyWrites).Document!)]));

        var guardrailDeny = authorizer.Decide(AuthorizationRequest.For("cloudwatch:PutMetricAlarm", context), new Principal("U1"), readOnly);
        var blocked = authorizer.Decide(AuthorizationRequest.For("sts:AssumeRole", context), new Principal("U1"), readOnly);
        var single = authorizer.Decide(AuthorizationRequest.For("ec2:GetPasswordData", context), new Principal("U1"), readOnly);
        var roleImplicit = authorizer.Decide(AuthorizationRequest.For("cloudwatch:PutMetricAlarm", context), new Principal("U1"),
            new ChannelPolicies("ops", PolicyTestKit.Set("X", CloudWatchReads), null));
        var roleExplicit = authorizer.Decide(new AuthorizationRequest("cloudwatch:DeleteAlarms", ["arn:aws:cloudwatch:us-east-1:1:alarm:cpu"], context), new Principal("U1"),
            new ChannelPolicies("ops", PolicyTestKit.Set("Keeper", RoleDeniesDelete), null));
        var allowed = authorizer.Decide(AuthorizationRequest.For("cloudwatch:GetMetricData", context), new Principal("U1"), readOnly);
        var noUserRole = authorizer.Decide(AuthorizationRequest.For("cloudwatch:GetMetricData", context), new Principal("U1"), readOnly with { UserRoleRequired = true });

        Assert.Equal("Denied by guardrail ReadOnly, statement DenyWrites: cloudwatch:PutMetricAlarm is not allowed in this channel.", guardrailDeny.Reason);
        Assert.Equal(("ReadOnly", "DenyWrites"), (guardrailDeny.PolicyName, guardrailDeny.Statement));
        Assert.Equal("Blocked: sts:* operations are never run from chat.", blocked.Reason);
        Assert.Equal("Blocked: ec2:GetPasswordData is never run from chat (it reveals credentials, secrets or data).", single.Reason);
        Assert.Equal("Not allowed by role X: no statement allows cloudwatch:PutMetricAlarm.", roleImplicit.Reason);
        Assert.Equal("Denied by role Keeper, policy Keeper-policy0, statement KeepAlarms: cloudwatch:DeleteAlarms on arn:aws:cloudwatch:us-east-1:1:alarm:cpu is denied.", roleExplicit.Reason);
        Assert.Equal("Allowed by role OpsRole (policy OpsRole-policy0, statement All) within guardrail ReadOnly (statement All).", allowed.Reason);
        Assert.Equal("Denied: channel ops requires a user role, and you have not chosen one yet.", noUserRole.Reason);
        Assert.Equal(ChannelPolicies.NoGuardrailWarning, roleImplicit.Warning);
        Assert.Null(allowed.Warning);
    }
}
