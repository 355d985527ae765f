using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Tests.Notifications.Events.Support;

public sealed class ArnTests
{
    [Theory]
    [InlineData("arn:aws:sns:us-east-1:123456789012:alerts", "aws", "sns", "us-east-1", "123456789012", "alerts", "alerts")]
    [InlineData("arn:aws:s3:::my-bucket", "aws", "s3", "", "", "my-bucket", "my-bucket")]
    [InlineData("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/f:*", "aws", "logs", "eu-west-1", "123456789012", "log-group:/aws/lambda/f:*", "*")]
    [InlineData("arn:aws-cn:cloudformation:cn-north-1:123456789012:stack/web/0a1b", "aws-cn", "cloudformation", "cn-north-1", "123456789012", "stack/web/0a1b", "0a1b")]
    [InlineData("arn: aws: ec2: us-east-1: 123456789012: instance/i-0abc", "aws", "ec2", "us-east-1", "123456789012", "instance/i-0abc", "i-0abc")]
    public void Reads_the_parts(string text, string partition, string service, string region, string account, string resource, string name)
    {
        var arn = Arn.Parse(text);

        Assert.Equal(new Arn(partition, service, region, account, resource), arn);
        Assert.Equal(name, arn!.Value.ResourceName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("arn:aws:sns")]
    [InlineData("arn:aws:sns:us-east-1")]
    [InlineData("not-an-arn:aws:sns:us-east-1:1:t")]
    public void Refuses_what_is_not_an_arn(string? text) => Assert.Null(Arn.Parse(text));
}
