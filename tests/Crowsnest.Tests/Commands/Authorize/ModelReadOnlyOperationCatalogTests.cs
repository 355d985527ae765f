using Crowsnest.Commands.Authorize;
using Crowsnest.Iam;
using Crowsnest.Tests.Aws;

namespace Crowsnest.Tests.Commands.Authorize;

public class ModelReadOnlyOperationCatalogTests
{
    private static readonly ModelReadOnlyOperationCatalog Catalog = new(TestModels.Catalog);

    [Theory]
    [InlineData("cloudwatch:DescribeAlarms")] // signing name monitoring, IAM prefix cloudwatch
    [InlineData("CloudWatch:describealarms")] // IAM actions are case-insensitive
    [InlineData("ec2:DescribeInstances")]
    [InlineData("lambda:ListFunctions")]
    [InlineData("s3:ListBucket")] // IAM's name for ListObjects/ListObjectsV2/HeadBucket: no operation has it
    [InlineData("s3:ListAllMyBuckets")]
    [InlineData("elasticmapreduce:ListClusters")] // CLI name emr: found through the prefix index
    public void Reads_named_by_the_models_are_read_only(string action) => Assert.True(Catalog.IsReadOnly(action));

    [Theory]
    [InlineData("cloudwatch:PutMetricAlarm")]
    [InlineData("ec2:StopInstances")]
    [InlineData("lambda:InvokeFunction")]
    [InlineData("ec2:GetPasswordData")] // reads, but reveals a password
    [InlineData("s3:GetObject")] // reads object contents
    [InlineData("secretsmanager:GetSecretValue")]
    [InlineData("cloudwatch:GetNothingThatExists")] // looks like a read, but no model has it
    [InlineData("nosuchservice:ListThings")]
    [InlineData("cloudwatch")]
    [InlineData("cloudwatch:")]
    public void Writes_sensitive_reads_and_unknown_actions_are_not(string action) => Assert.False(Catalog.IsReadOnly(action));

    [Fact]
    public void The_ReadOnly_guardrail_answers_from_the_models()
    {
        // The name-prefix catalog calls any Validate* read-only; the model-backed one (ReadOnlyOperations) does not
        // count Validate among the read prefixes, so with it the ReadOnly guardrail refuses ValidateTemplate.
        Assert.True(PrefixReadOnlyOperationCatalog.Instance.IsReadOnly("cloudformation:ValidateTemplate"));
        Assert.False(Catalog.IsReadOnly("cloudformation:ValidateTemplate"));
        var simulator = new PolicySimulator(Catalog, new Authorizer());
        var role = new SimulatedPolicy("admin", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        var context = new RequestContext();

        var read = simulator.Simulate([role], [new SimulatedPolicy("ReadOnly")], AuthorizationRequest.For("cloudwatch:DescribeAlarms", context));
        var validate = simulator.Simulate([role], [new SimulatedPolicy("ReadOnly")], AuthorizationRequest.For("cloudformation:ValidateTemplate", context));

        Assert.True(read.Allowed, string.Join("\n", read.Lines));
        Assert.False(validate.Allowed, string.Join("\n", validate.Lines));
        Assert.Equal("denied", validate.Lines[0]);
    }
}
