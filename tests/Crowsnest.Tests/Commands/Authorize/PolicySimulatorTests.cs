using Crowsnest.Commands.Authorize;
using Crowsnest.Iam;

namespace Crowsnest.Tests.Commands.Authorize;

public class PolicySimulatorTests
{
    private const string OpsRole = """{"Version":"2012-10-17","Statement":[{"Sid":"Ops","Effect":"Allow","Action":["cloudwatch:*","lambda:InvokeFunction"],"Resource":"*"}]}""";

    private static AuthorizationRequest Request(string action, string resource = "*")
        => new(action, [resource], new RequestContext().Set(GlobalConditionKeys.RequestedRegion, "eu-west-1"));

    [Fact]
    public void First_line_is_allowed_then_the_reason()
    {
        var result = new PolicySimulator().Simulate([new("ops.json", OpsRole)], [new("ReadOnly")], Request("cloudwatch:DescribeAlarms"));

        Assert.True(result.Allowed);
        Assert.Equal("allowed", result.Lines[0]);
        Assert.Equal("Allowed by role simulated-role (policy ops.json, statement Ops) within guardrail ReadOnlyAccess (statement ReadOnlyOperations).", result.Lines[1]);
        Assert.Contains("guardrails: allow (policy ReadOnlyAccess, statement ReadOnlyOperations)", result.Lines);
    }

    [Fact]
    public void A_template_guardrail_denies_writes()
    {
        var result = new PolicySimulator().Simulate([new("ops.json", OpsRole)], [new("ReadOnly")], Request("cloudwatch:PutMetricAlarm"));

        Assert.Equal(["denied", "Not allowed by the guardrails of this channel: no guardrail statement allows cloudwatch:PutMetricAlarm."], result.Lines.Take(2));
        Assert.Contains("role: allow (policy ops.json, statement Ops)", result.Lines);
    }

    [Fact]
    public void No_guardrail_means_AdministratorAccess_with_a_warning()
    {
        var result = new PolicySimulator().Simulate([new("ops.json", OpsRole)], [], Request("lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:1:function:f"));

        Assert.Equal("allowed", result.Lines[0]);
        Assert.Contains("guardrails: none set (AdministratorAccess)", result.Lines);
        Assert.Contains("warning: " + ChannelPolicies.NoGuardrailWarning, result.Lines);
    }

    [Fact]
    public void Blocked_operations_are_denied_first()
    {
        var result = new PolicySimulator().Simulate([new("admin", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")], [new("AdministratorAccess")], Request("kms:Decrypt"));

        Assert.Equal(["denied", "Blocked: kms:* operations are never run from chat."], result.Lines.Take(2));
    }

    [Fact]
    public void Invalid_inputs_are_listed_instead_of_a_decision()
    {
        var result = new PolicySimulator().Simulate([new("bad.json", """{"Statement":[{"Effect":"Permit"}]}""")], [new("NoSuchTemplate")], Request("s3:ListBucket"));

        Assert.Null(result.Decision);
        Assert.Equal("invalid", result.Lines[0]);
        Assert.Contains(result.Problems, p => p.StartsWith("bad.json: Statement[0].Effect", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith("NoSuchTemplate: no such template", StringComparison.Ordinal));
    }

    [Fact]
    public void The_chat_context_carries_the_global_keys_of_a_role_session()
    {
        var now = DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var context = ChatRequestContext.Create("eu-west-1", now, "arn:aws:iam::123456789012:role/OpsRole", "chatbot-session",
            "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/ops", new Dictionary<string, string> { ["team"] = "ops" });
        var guardrail = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{
              "StringEquals":{"aws:RequestedRegion":"eu-west-1","aws:PrincipalAccount":"123456789012","aws:PrincipalTag/team":"ops"},
              "ArnLike":{"aws:ChatbotSourceArn":"arn:aws:chatbot::*:chat-configuration/slack-channel/*"},
              "DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"},"Bool":{"aws:SecureTransport":"true"},
              "Null":{"aws:username":"true"}}}]}
            """;

        var result = new PolicySimulator().Simulate([new("ops.json", OpsRole)], [new("regional", guardrail)], new AuthorizationRequest("cloudwatch:DescribeAlarms", ["*"], context));

        Assert.True(result.Allowed, string.Join(" | ", result.Lines));
        Assert.Equal("OpsRole:chatbot-session", context.Values[GlobalConditionKeys.UserId].Values[0]);
    }

    [Fact]
    public void A_parsed_call_is_checked_against_its_resource_arns()
    {
        using var parameters = System.Text.Json.JsonDocument.Parse("""{"FunctionName":"ops-restart","Payload":"{}"}""");
        var role = """{"Version":"2012-10-17","Statement":[{"Sid":"OpsFunctions","Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:eu-west-1:123456789012:function:ops-*"}]}""";
        var request = AuthorizationRequest.ForCall("lambda", "InvokeFunction", parameters.RootElement, "eu-west-1", "123456789012", new RequestContext());
        using var other = System.Text.Json.JsonDocument.Parse("""{"FunctionName":"payments"}""");
        var denied = AuthorizationRequest.ForCall("lambda", "InvokeFunction", other.RootElement, "eu-west-1", "123456789012", new RequestContext());

        var simulator = new PolicySimulator();

        Assert.True(simulator.Simulate([new("role", role)], [new("LambdaInvoke")], request).Allowed);
        Assert.Equal("Not allowed by role simulated-role: no statement allows lambda:InvokeFunction on arn:aws:lambda:eu-west-1:123456789012:function:payments.",
            simulator.Simulate([new("role", role)], [new("LambdaInvoke")], denied).Lines[1]);
    }
}
