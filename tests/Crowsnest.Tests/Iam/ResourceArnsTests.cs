using System.Text.Json;
using Crowsnest.Iam;

namespace Crowsnest.Tests.Iam;

public class ResourceArnsTests
{
    [Theory]
    [InlineData("lambda", "Invoke", """{"FunctionName":"restart"}""", "arn:aws:lambda:eu-west-1:123456789012:function:restart")]
    [InlineData("lambda", "Invoke", """{"FunctionName":"restart:prod"}""", "arn:aws:lambda:eu-west-1:123456789012:function:restart:prod")]
    [InlineData("lambda", "Invoke", """{"FunctionName":"123456789012:function:restart"}""", "arn:aws:lambda:eu-west-1:123456789012:function:restart")]
    [InlineData("lambda", "Invoke", """{"FunctionName":"arn:aws:lambda:us-east-1:999999999999:function:x"}""", "arn:aws:lambda:us-east-1:999999999999:function:x")]
    [InlineData("cloudwatch", "PutMetricAlarm", """{"AlarmName":"cpu-high"}""", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cpu-high")]
    [InlineData("monitoring", "DeleteAlarms", """{"AlarmNames":["a","b"]}""", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:a|arn:aws:cloudwatch:eu-west-1:123456789012:alarm:b")]
    [InlineData("s3", "ListObjectsV2", """{"Bucket":"logs"}""", "arn:aws:s3:::logs")]
    [InlineData("s3", "PutObject", """{"Bucket":"logs","Key":"a/b.txt"}""", "arn:aws:s3:::logs/a/b.txt")]
    [InlineData("sqs", "SendMessage", """{"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"}""", "arn:aws:sqs:eu-west-1:123456789012:jobs")]
    [InlineData("sns", "Publish", """{"TopicArn":"arn:aws:sns:eu-west-1:123456789012:alerts"}""", "arn:aws:sns:eu-west-1:123456789012:alerts")]
    [InlineData("dynamodb", "Query", """{"TableName":"orders"}""", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders")]
    [InlineData("logs", "FilterLogEvents", """{"logGroupName":"/aws/lambda/x"}""", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/x:*")]
    [InlineData("ec2", "StopInstances", """{"InstanceIds":["i-1","i-2"]}""", "arn:aws:ec2:eu-west-1:123456789012:instance/i-1|arn:aws:ec2:eu-west-1:123456789012:instance/i-2")]
    [InlineData("ec2", "DescribeRegions", """{}""", "*")]
    [InlineData("cloudwatch", "DescribeAlarms", """{"StateValue":"ALARM"}""", "*")]
    [InlineData("support", "CreateCase", """{"subject":"x"}""", "*")]
    public void Derives_resource_arns_from_parameters(string service, string operation, string parameters, string expected)
    {
        using var json = JsonDocument.Parse(parameters);

        var arns = ResourceArns.Derive(service, operation, json.RootElement, "eu-west-1", "123456789012");

        Assert.Equal(expected.Split('|'), arns);
    }

    [Fact]
    public void China_and_GovCloud_regions_use_their_partition()
    {
        using var json = JsonDocument.Parse("""{"TableName":"t"}""");

        Assert.Equal("arn:aws-cn:dynamodb:cn-north-1:1:table/t", ResourceArns.Derive("dynamodb", "Scan", json.RootElement, "cn-north-1", "1")[0]);
        Assert.Equal("arn:aws-us-gov:dynamodb:us-gov-west-1:1:table/t", ResourceArns.Derive("dynamodb", "Scan", json.RootElement, "us-gov-west-1", "1")[0]);
    }
}
