using Crowsnest.Aws.Models;

namespace Crowsnest.Tests.Aws;

public class CliNamesTests
{
    [Theory]
    [InlineData("DescribeInstances", "describe-instances")]
    [InlineData("DBInstanceIdentifier", "db-instance-identifier")]
    [InlineData("GatewayARNs", "gateway-arns")]
    [InlineData("ListWebACLs", "list-web-acls")]
    [InlineData("SSEKMSKeyId", "ssekms-key-id")]
    [InlineData("IPv6Address", "i-pv6-address")]
    [InlineData("AuthenticationCode1", "authentication-code1")]
    [InlineData("CreateCachediSCSIVolume", "create-cached-iscsi-volume")]
    [InlineData("ExecutePartiQLStatement", "execute-partiql-statement")]
    public void Matches_botocore_xform_name(string api, string cli) => Assert.Equal(cli, CliNames.FromApiName(api));

    [Fact]
    public void Cli_service_names_follow_the_aws_cli()
    {
        var names = TestModels.Catalog.ServiceNames;
        foreach (var expected in new[] { "cloudwatch", "s3api", "elbv2", "logs", "stepfunctions", "events", "route53", "cognito-idp", "ec2", "sts" })
        {
            Assert.Contains(expected, names);
        }
        Assert.DoesNotContain("s3", names);
        Assert.DoesNotContain("monitoring", names);
    }
}
