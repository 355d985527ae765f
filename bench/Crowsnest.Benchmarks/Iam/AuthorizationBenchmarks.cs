using BenchmarkDotNet.Attributes;
using Crowsnest.Commands.Authorize;
using Crowsnest.Iam;

namespace Crowsnest.Benchmarks.Iam;

/// <summary>
/// Decisions per second on a realistic channel: a role of three policies (team policy with resource-scoped and
/// conditional statements, AWSSupportAccess, Lambda invoke), guardrails = ReadOnly template + a regional deny policy,
/// and the blocked list. Each operation decides <see cref="Batch"/> requests; ops/s × Batch = decisions/s.
/// </summary>
[MemoryDiagnoser]
public class AuthorizationBenchmarks
{
    public const int Batch = 16;

    private const string TeamPolicy = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Reads","Effect":"Allow","Action":["cloudwatch:Describe*","cloudwatch:Get*","cloudwatch:List*","logs:Describe*","logs:FilterLogEvents","logs:GetLogEvents"],"Resource":"*"},
          {"Sid":"Alarms","Effect":"Allow","Action":["cloudwatch:PutMetricAlarm","cloudwatch:SetAlarmState","cloudwatch:DeleteAlarms"],"Resource":"arn:aws:cloudwatch:*:123456789012:alarm:ops-*"},
          {"Sid":"Ec2Ops","Effect":"Allow","Action":["ec2:Describe*","ec2:StartInstances","ec2:StopInstances","ec2:RebootInstances"],"Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}},
          {"Sid":"Queues","Effect":"Allow","Action":["sqs:SendMessage","sqs:GetQueueAttributes","sqs:ListQueues"],"Resource":"arn:aws:sqs:eu-west-1:123456789012:ops-*"},
          {"Sid":"Tables","Effect":"Allow","Action":["dynamodb:Query","dynamodb:Scan","dynamodb:DescribeTable"],"Resource":"arn:aws:dynamodb:*:123456789012:table/${aws:PrincipalTag/team}-*"},
          {"Sid":"Runbooks","Effect":"Allow","Action":"ssm:StartAutomationExecution","Resource":"arn:aws:ssm:*:123456789012:automation-definition/Ops-*"},
          {"Sid":"NoProdTerminate","Effect":"Deny","Action":["ec2:TerminateInstances","rds:DeleteDBInstance"],"Resource":"*"},
          {"Sid":"Tagged","Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["owner","team"]}}}]}
        """;

    private const string Lambda = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["lambda:invokeAsync","lambda:invokeFunction"],"Resource":"arn:aws:lambda:*:123456789012:function:ops-*"}]}""";

    private const string Regional = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"OnlyEurope","Effect":"Deny","NotAction":["support:*","cloudwatch:Describe*"],"Resource":"*","Condition":{"StringNotLike":{"aws:RequestedRegion":"eu-*"}}},
          {"Sid":"BusinessHours","Effect":"Deny","Action":"ec2:Stop*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}},
          {"Sid":"Support","Effect":"Allow","Action":["support:*","lambda:InvokeFunction","ec2:StartInstances","ec2:StopInstances","ec2:CreateTags","cloudwatch:PutMetricAlarm","sqs:SendMessage","ssm:StartAutomationExecution"],"Resource":"*"}]}
        """;

    private readonly Authorizer _authorizer = new();
    private AuthorizationRequest[] _requests = [];
    private ChannelPolicies _channel = null!;
    private Principal _principal = null!;
    private PolicySet _role = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = PrefixReadOnlyOperationCatalog.Instance;
        PolicyTemplates.TryFind("Support", out var support);
        PolicyTemplates.TryFind("ReadOnly", out var readOnly);
        _role = new PolicySet("OpsRole", [Compile("team", TeamPolicy), .. support!.Compile(catalog), Compile("lambda", Lambda)]);
        var guardrails = new PolicySet("guardrails", [.. readOnly!.Compile(catalog), Compile("regional", Regional)]);
        _channel = new ChannelPolicies("ops", _role, guardrails);
        _principal = new Principal("U123", "alice");
        var context = ChatRequestContext.Create("eu-west-1", DateTimeOffset.UtcNow, "arn:aws:iam::123456789012:role/OpsRole", "chatbot-session",
            "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/ops", new Dictionary<string, string> { ["team"] = "ops" });
        context.SetMany(GlobalConditionKeys.TagKeys, ["owner"]);
        var us = ChatRequestContext.Create("us-east-1", DateTimeOffset.UtcNow, "arn:aws:iam::123456789012:role/OpsRole", "chatbot-session");
        _requests =
        [
            new("cloudwatch:DescribeAlarms", ["*"], context),
            new("cloudwatch:PutMetricAlarm", ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:ops-cpu"], context),
            new("cloudwatch:PutMetricAlarm", ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:billing"], context),
            new("ec2:DescribeInstances", ["*"], context),
            new("ec2:StopInstances", ["arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc"], context),
            new("ec2:TerminateInstances", ["arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc"], context),
            new("lambda:InvokeFunction", ["arn:aws:lambda:eu-west-1:123456789012:function:ops-restart"], context),
            new("lambda:InvokeFunction", ["arn:aws:lambda:eu-west-1:123456789012:function:payments"], context),
            new("logs:FilterLogEvents", ["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/x:*"], context),
            new("dynamodb:Query", ["arn:aws:dynamodb:eu-west-1:123456789012:table/ops-incidents"], context),
            new("sqs:SendMessage", ["arn:aws:sqs:eu-west-1:123456789012:ops-jobs"], context),
            new("support:DescribeCases", ["*"], us),
            new("ec2:DescribeInstances", ["*"], us),
            new("sts:GetCallerIdentity", ["*"], context),
            new("s3:GetObject", ["arn:aws:s3:::bkt/a"], context),
            new("ec2:CreateTags", ["arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc"], context),
        ];
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Decide()
    {
        var allowed = 0;
        foreach (var request in _requests)
        {
            if (_authorizer.Decide(request, _principal, _channel).Allowed)
            {
                allowed++;
            }
        }
        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int EvaluateRoleOnly()
    {
        var allowed = 0;
        foreach (var request in _requests)
        {
            if (_role.Evaluate(request.Action, request.Resources[0], request.Context).IsAllowed)
            {
                allowed++;
            }
        }
        return allowed;
    }

    private static CompiledPolicy Compile(string name, string json)
        => CompiledPolicy.Compile(name, PolicyParser.Parse(json).Document ?? throw new InvalidOperationException(name));
}
