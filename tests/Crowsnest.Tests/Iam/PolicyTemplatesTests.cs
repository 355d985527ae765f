using Crowsnest.Iam;

namespace Crowsnest.Tests.Iam;

public class PolicyTemplatesTests
{
    private static IReadOnlyList<string> Actions(string policyName)
    {
        var policy = PolicyTemplates.All.SelectMany(t => t.Policies).First(p => p.Name == policyName);
        return [.. PolicyParser.Parse(policy.Json!).Document!.Statements.SelectMany(s => s.Actions)];
    }

    [Fact]
    public void The_six_console_templates_are_built_in()
    {
        string[] names = ["Notification permissions", "Read-only command permissions", "Lambda-invoke command permissions", "AWS Support command permissions", "Incident Manager permissions", "Resource Explorer permissions"];

        foreach (var name in names)
        {
            Assert.True(PolicyTemplates.TryFind(name, out _), name);
        }
    }

    [Fact]
    public void Templates_carry_the_documented_actions()
    {
        Assert.Equal(["cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*"], Actions("AWS-Chatbot-NotificationsOnly-Policy"));
        Assert.Equal(["lambda:invokeAsync", "lambda:invokeFunction"], Actions("AWS-Chatbot-LambdaInvoke-Policy"));
        Assert.Equal(["support:*"], Actions("AWSSupportAccess"));
        Assert.Equal(
            ["iam:*", "kms:*", "sts:*", "cognito-idp:GetSigningCertificate", "ec2:GetPasswordData", "ecr:GetAuthorizationToken",
             "gamelift:RequestUploadCredentials", "gamelift:GetInstanceAccess", "lightsail:DownloadDefaultKeyPair",
             "lightsail:GetInstanceAccessDetails", "lightsail:GetKeyPair", "lightsail:GetKeyPairs", "redshift:GetClusterCredentials",
             "s3:GetBucketPolicy", "storagegateway:DescribeChapCredentials"],
            Actions("AWS-Chatbot-ReadOnly-Commands-Policy"));
        Assert.Contains("resource-explorer-2:Search", Actions("AWSResourceExplorerReadOnlyAccess"));
    }

    [Fact]
    public void ReadOnly_pairs_ReadOnlyAccess_with_the_deny_list()
    {
        Assert.True(PolicyTemplates.TryFind("ReadOnly", out var template));
        var set = new PolicySet("guardrail", template.Compile(PrefixReadOnlyOperationCatalog.Instance));
        var context = new RequestContext();

        Assert.Equal(EvaluationOutcome.Allow, set.Evaluate("cloudwatch:DescribeAlarms", "*", context).Outcome);
        Assert.Equal(EvaluationOutcome.ImplicitDeny, set.Evaluate("cloudwatch:PutMetricAlarm", "*", context).Outcome);
        var deny = set.Evaluate("s3:GetBucketPolicy", "arn:aws:s3:::b", context);
        Assert.Equal(EvaluationOutcome.ExplicitDeny, deny.Outcome);
        Assert.Equal("AWS-Chatbot-ReadOnly-Commands-Policy", deny.Policy!.Name);
    }

    [Fact]
    public void AWS_managed_policy_arns_resolve_to_single_policies()
    {
        Assert.True(PolicyTemplates.TryFind("arn:aws:iam::aws:policy/AdministratorAccess", out var admin));
        Assert.Equal("AdministratorAccess", Assert.Single(admin.Policies).Name);
        Assert.True(PolicyTemplates.TryFind("arn:aws:iam::aws:policy/ReadOnlyAccess", out var readOnly));
        Assert.Null(Assert.Single(readOnly.Policies).Json);
        Assert.False(PolicyTemplates.TryFind("arn:aws:iam::aws:policy/PowerUserAccess", out _));
    }

    [Fact]
    public void Customer_policy_arns_named_like_a_template_policy_aws_does_not_manage_resolve_to_the_built_in_text()
    {
        Assert.True(PolicyTemplates.TryFind("arn:aws:iam::123456789012:policy/AWS-Chatbot-ReadOnly-Commands-Policy", out var commands));
        Assert.Equal("AWS-Chatbot-ReadOnly-Commands-Policy", Assert.Single(commands.Policies).Name);
        Assert.True(PolicyTemplates.TryFind("arn:aws:iam::123456789012:policy/team/AWS-Chatbot-LambdaInvoke-Policy", out _));
        // AWS-managed names in a customer ARN are the customer's own policies, not AWS's.
        Assert.False(PolicyTemplates.TryFind("arn:aws:iam::123456789012:policy/ReadOnlyAccess", out _));
        Assert.False(PolicyTemplates.TryFind("arn:aws:iam::123456789012:policy/Something-Else", out _));
    }

    [Theory]
    [InlineData("cloudwatch:DescribeAlarms", true)]
    [InlineData("logs:FilterLogEvents", true)]
    [InlineData("dynamodb:Query", true)]
    [InlineData("s3:ListBucket", true)]
    [InlineData("ec2:GetConsoleOutput", true)]
    [InlineData("ec2:GetPasswordData", false)]
    [InlineData("ecr:GetAuthorizationToken", false)]
    [InlineData("ec2:TerminateInstances", false)]
    [InlineData("lambda:InvokeFunction", false)]
    [InlineData("cloudwatch:PutMetricAlarm", false)]
    [InlineData("nocolon", false)]
    public void The_default_catalog_reads_operation_name_prefixes(string action, bool readOnly)
    {
        Assert.Equal(readOnly, PrefixReadOnlyOperationCatalog.Instance.IsReadOnly(action));
    }
}
