namespace Crowsnest.Tests.Commands.Execute;

public class QueryProtocolTests
{
    [Fact]
    public async Task Sts_get_caller_identity()
    {
        var moto = await MotoAws.SharedAsync();
        var output = await moto.OkAsync("sts get-caller-identity");
        Assert.Equal("123456789012", (string?)output["Account"]);
        Assert.StartsWith("arn:aws:", (string?)output["Arn"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cloudwatch_put_metric_alarm_then_describe_alarms()
    {
        var moto = await MotoAws.SharedAsync();
        var name = MotoAws.Unique("cpu");
        await moto.OkAsync($"cloudwatch put-metric-alarm --alarm-name {name} --metric-name CPUUtilization --namespace AWS/EC2 "
            + "--statistic Average --period 300 --threshold 70.5 --comparison-operator GreaterThanThreshold --evaluation-periods 2 "
            + "--dimensions Name=InstanceId,Value=i-123 --alarm-actions arn:aws:sns:us-east-1:123456789012:ops");
        var output = await moto.OkAsync($"cloudwatch describe-alarms --alarm-names {name}");
        var alarm = Assert.Single(output["MetricAlarms"]!.AsArray())!;
        Assert.Equal(name, (string?)alarm["AlarmName"]);
        Assert.Equal(70.5, (double)alarm["Threshold"]!);
        Assert.Equal(300, (long)alarm["Period"]!);
        Assert.Equal("i-123", (string?)alarm["Dimensions"]![0]!["Value"]);
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:ops", (string?)alarm["AlarmActions"]![0]);
    }

    [Fact]
    public async Task Cloudwatch_error_is_parsed()
    {
        var moto = await MotoAws.SharedAsync();
        var failure = await moto.FailAsync("cloudwatch get-dashboard --dashboard-name nope");
        Assert.Equal("ResourceNotFound", failure.Error.Code);
        Assert.Equal("Dashboard does not exist", failure.Error.Message);
        Assert.Contains("(ResourceNotFound)", failure.PlainMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sns_list_topics_paginates_and_resumes()
    {
        var moto = await MotoAws.SharedAsync();
        var prefix = MotoAws.Unique("t");
        for (var i = 0; i < 3; i++)
        {
            await moto.OkAsync($"sns create-topic --name {prefix}-{i}");
        }
        var all = await moto.OkAsync("sns list-topics");
        var arns = all["Topics"]!.AsArray().Select(t => (string)t!["TopicArn"]!).ToList();
        Assert.True(arns.Count(a => a.Contains(prefix, StringComparison.Ordinal)) == 3);
        var first = await moto.OkAsync("sns list-topics --max-items 2");
        Assert.Equal(2, first["Topics"]!.AsArray().Count);
        var token = (string)first["NextToken"]!;
        var rest = await moto.OkAsync($"sns list-topics --starting-token {token}");
        var resumed = first["Topics"]!.AsArray().Concat(rest["Topics"]!.AsArray()).Select(t => (string)t!["TopicArn"]!).ToList();
        Assert.Equal(arns.Count, resumed.Count);
        Assert.Equal(arns.Order(StringComparer.Ordinal), resumed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sts_assume_role_returns_credentials()
    {
        var moto = await MotoAws.SharedAsync();
        var output = await moto.OkAsync("sts assume-role --role-arn arn:aws:iam::123456789012:role/ops --role-session-name crowsnest-test");
        Assert.StartsWith("ASIA", (string?)output["Credentials"]!["AccessKeyId"], StringComparison.Ordinal);
        Assert.Contains("crowsnest-test", (string?)output["AssumedRoleUser"]!["Arn"], StringComparison.Ordinal);
    }
}
