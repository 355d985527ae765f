using System.Text.Json.Nodes;
using Crowsnest.Commands.Parse;
using Crowsnest.Tests.Aws;

namespace Crowsnest.Tests.Commands.Parse;

public class CommandParserTests
{
    private static readonly CommandParser Parser = new(TestModels.Catalog);

    private static AwsCall Call(string text)
    {
        var result = Parser.Parse(text);
        var parsed = Assert.IsType<ParseResult.Parsed>(result);
        return parsed.Call;
    }

    private static ParseResult.Invalid Invalid(string text) => Assert.IsType<ParseResult.Invalid>(Parser.Parse(text));

    [Fact]
    public void Parses_service_operation_and_string_option()
    {
        var call = Call("cloudwatch describe-alarms --state-value ALARM");
        Assert.Equal("cloudwatch", call.Service);
        Assert.Equal("DescribeAlarms", call.OperationName);
        Assert.Equal("ALARM", (string?)call.Input["StateValue"]);
        Assert.Equal("cloudwatch:DescribeAlarms", call.IamAction);
        Assert.True(call.IsReadOnly);
    }

    [Theory]
    [InlineData("aws cloudwatch describe-alarms -state-value ALARM")]
    [InlineData("@aws cloudwatch describe-alarms \u2014state-value ALARM")]
    [InlineData("cloudwatch describe-alarms \u2013state-value ALARM")]
    [InlineData("cloudwatch describe-alarms --state-value=ALARM")]
    [InlineData("`cloudwatch describe-alarms --state-value \u201CALARM\u201D`")]
    [InlineData("cloudwatch describe-alarms --state-value \u2018ALARM\u2019")]
    public void Accepts_dash_and_quote_variants(string text) =>
        Assert.Equal("ALARM", (string?)Call(text).Input["StateValue"]);

    [Fact]
    public void Numbers_lists_and_flags()
    {
        var call = Call("cloudwatch describe-alarms --alarm-names a 'b c' --max-records 5");
        Assert.Equal(["a", "b c"], call.Input["AlarmNames"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(5, (long)call.Input["MaxRecords"]!);
        Assert.False(call.Output.Paginate); // --max-records is the API's own limit: no auto-pagination, as in the CLI
        var ec2 = Call("ec2 describe-instances --dry-run");
        Assert.True((bool)ec2.Input["DryRun"]!);
        Assert.False((bool)Call("ec2 describe-instances --no-dry-run").Input["DryRun"]!);
        Assert.Equal(["i-1", "i-2"], Call("ec2 describe-instances --instance-ids i-1 i-2").Input["InstanceIds"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["i-1"], Call("ec2 describe-instances --instance-ids '[\"i-1\"]'").Input["InstanceIds"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Shorthand_lists_of_structures()
    {
        var call = Call("ec2 describe-instances --filters Name=tag:Env,Values=prod,staging Name=instance-state-name,Values=running");
        var filters = call.Input["Filters"]!.AsArray();
        Assert.Equal(2, filters.Count);
        Assert.Equal("tag:Env", (string?)filters[0]!["Name"]);
        Assert.Equal(["prod", "staging"], filters[0]!["Values"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["running"], filters[1]!["Values"]!.AsArray().Select(n => (string)n!)); // single value wrapped in a list
    }

    [Fact]
    public void Shorthand_explicit_lists_quotes_spaces_and_nesting()
    {
        var call = Call("ec2 describe-instances --filters \"Name = tag:Name, Values = ['my app', \\\"x,y\\\"]\"");
        var filter = call.Input["Filters"]!.AsArray()[0]!;
        Assert.Equal("tag:Name", (string?)filter["Name"]);
        Assert.Equal(["my app", "x,y"], filter["Values"]!.AsArray().Select(n => (string)n!));
        var alarm = Call("cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator GreaterThanThreshold "
            + "--metrics Id=m1,MetricStat={Metric={Namespace=AWS/EC2,MetricName=CPUUtilization},Period=60,Stat=Average},ReturnData=true");
        var metric = alarm.Input["Metrics"]!.AsArray()[0]!;
        Assert.Equal(60, (long)metric["MetricStat"]!["Period"]!);
        Assert.True((bool)metric["ReturnData"]!);
        Assert.Equal("AWS/EC2", (string?)metric["MetricStat"]!["Metric"]!["Namespace"]);
    }

    [Fact]
    public void Json_values_and_maps()
    {
        var call = Call("cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator LessThanThreshold "
            + "--dimensions '[{\"Name\":\"InstanceId\",\"Value\":\"i-1\"}]' --threshold 2.5");
        Assert.Equal("i-1", (string?)call.Input["Dimensions"]![0]!["Value"]);
        Assert.Equal(2.5, (double)call.Input["Threshold"]!);
        var tags = Call("sns create-topic --name t --attributes DisplayName=x,Policy=y");
        Assert.Equal("x", (string?)tags.Input["Attributes"]!["DisplayName"]);
        Assert.False(tags.IsReadOnly);
    }

    [Fact]
    public void Timestamps_and_blobs()
    {
        var call = Call("cloudwatch get-metric-statistics --namespace AWS/EC2 --metric-name CPUUtilization --period 60 --statistics Average "
            + "--start-time 2024-05-01 --end-time 1714600000");
        Assert.Equal("2024-05-01T00:00:00Z", (string?)call.Input["StartTime"]);
        Assert.Equal("2024-05-01T21:46:40Z", (string?)call.Input["EndTime"]);
        var invoke = Call("lambda invoke --function-name f --payload '{\"a\":1}'");
        Assert.Equal(Convert.ToBase64String("{\"a\":1}"u8.ToArray()), (string?)invoke.Input["Payload"]);
        Assert.Equal("lambda:InvokeFunction", invoke.IamAction);
    }

    [Fact]
    public void Global_options()
    {
        var call = Call("sns list-topics --region eu-west-1 --query Topics[].TopicArn --output text --max-items 5 --starting-token abc");
        Assert.Equal("eu-west-1", call.Region);
        Assert.Equal(new OutputOptions("Topics[].TopicArn", OutputFormat.Text, 5, "abc", null, true), call.Output);
        Assert.False(Call("sns list-topics --no-paginate").Output.Paginate);
        Assert.Equal(3, Call("dynamodb list-tables --page-size 3").Output.PageSize);
    }

    [Fact]
    public void Missing_required_parameters_are_listed_for_prompting()
    {
        var call = Call("ssm get-parameter");
        Assert.Equal(["--name"], call.MissingRequired);
        Assert.Empty(Call("ssm get-parameter --name x").MissingRequired);
    }

    [Theory]
    [InlineData("ssm get-parameter --name file://secret.txt", "never reads local files")]
    [InlineData("ssm get-parameter --name fileb://secret.bin", "never reads local files")]
    [InlineData("ssm get-parameter --name https://example.com/x", "does not load parameter values from URLs")]
    [InlineData("sns list-topics --endpoint-url http://evil", "--endpoint-url is not accepted")]
    [InlineData("sns list-topics --profile prod", "--profile is not accepted")]
    [InlineData("sns list-topics --debug", "--debug is not accepted")]
    [InlineData("sns list-topics --ca-bundle x.pem", "--ca-bundle is not accepted")]
    [InlineData("sns list-topics --cli-input-json {}", "--cli-input-json is not accepted")]
    [InlineData("sns list-topics --cli-input-yaml x", "--cli-input-yaml is not accepted")]
    [InlineData("ec2 describe-instances --filters Name@=file://x", "from a file")]
    public void Refuses_unsafe_options_with_reasons(string text, string reason) =>
        Assert.Contains(reason, Invalid(text).Message, StringComparison.Ordinal);

    [Fact]
    public void A_url_valued_parameter_takes_a_url_literally()
    {
        var call = Call("sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123/q");
        Assert.Equal("https://sqs.us-east-1.amazonaws.com/123/q", (string?)call.Input["QueueUrl"]);
    }

    [Theory]
    [InlineData("cloudwach describe-alarms", "cloudwach", "`cloudwatch`")]
    [InlineData("cloudwatch describe-alrms", "describe-alrms", "`describe-alarms`")]
    [InlineData("cloudwatch describe-alarms --state-valu ALARM", "--state-valu", "`--state-value`")]
    [InlineData("ec2 describe-instances --filters Nmae=x", "Nmae", "\"Name\"")]
    public void Bad_tokens_are_named_with_the_nearest_suggestion(string text, string bad, string suggestion)
    {
        var invalid = Invalid(text);
        Assert.Contains(bad, invalid.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, invalid.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ec2 describe-instances --max-results ten", "not a valid integer")]
    [InlineData("ec2 describe-instances --dry-run yes", "takes no value")]
    [InlineData("sns list-topics --output yaml", "json, text or table")]
    [InlineData("sns list-topics --query Topics[", "Bad --query")]
    [InlineData("sns list-topics --no-paginate --max-items 3", "--no-paginate cannot")]
    [InlineData("ssm get-parameter --name 'unclosed", "Unclosed quote")]
    [InlineData("ec2 describe-instances --filters '[{\"Name\":]'", "invalid JSON")]
    [InlineData("ec2 describe-instances --filters Name=a,Name=b", "Second instance of key")]
    [InlineData("s3 ls", "s3api")]
    [InlineData("sns list-topics stray", "Unknown options: stray")]
    [InlineData("ssm get-parameter --name a b", "Unknown options: b")]
    [InlineData("cloudwatch get-metric-statistics --start-time yesterday", "not a timestamp")]
    [InlineData("ssm get-parameter --region mars", "not an AWS region")]
    public void Bad_values_are_explained(string text, string expected) =>
        Assert.Contains(expected, Invalid(text).ToString(), StringComparison.Ordinal);

    [Theory]
    [InlineData("help", "Usage")]
    [InlineData("cloudwatch", "describe-alarms")]
    [InlineData("cloudwatch help", "put-metric-alarm")]
    [InlineData("ssm get-parameter help", "--name (string) required")]
    public void Help_forms(string text, string expected) =>
        Assert.Contains(expected, Assert.IsType<ParseResult.Help>(Parser.Parse(text)).Text, StringComparison.Ordinal);

    [Fact]
    public void Renamed_arguments_follow_the_aws_cli()
    {
        var call = Call("sns subscribe --topic-arn arn:aws:sns:us-east-1:1:t --protocol https --notification-endpoint https://example.com/hook");
        Assert.Equal("https://example.com/hook", (string?)call.Input["Endpoint"]);
        Assert.Contains("--endpoint", Invalid("sns subscribe --topic-arn a --protocol b --endpoint c").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Structure_with_single_value_member_takes_a_bare_value()
    {
        var call = Call("ec2 modify-instance-attribute --instance-id i-1 --instance-initiated-shutdown-behavior terminate");
        Assert.Equal("terminate", (string?)call.Input["InstanceInitiatedShutdownBehavior"]!["Value"]);
    }

    [Theory]
    [InlineData("ec2 get-password-data --instance-id i-1", "ec2:GetPasswordData", false)]
    [InlineData("s3api list-buckets", "s3:ListAllMyBuckets", true)]
    [InlineData("s3api get-object --bucket b --key k", "s3:GetObject", false)]
    [InlineData("ec2 run-instances --image-id ami-1 --min-count 1 --max-count 1", "ec2:RunInstances", false)]
    [InlineData("logs describe-log-groups", "logs:DescribeLogGroups", true)]
    [InlineData("stepfunctions list-state-machines", "states:ListStateMachines", true)]
    [InlineData("elbv2 describe-load-balancers", "elasticloadbalancing:DescribeLoadBalancers", true)]
    public void Iam_action_and_read_only(string text, string action, bool readOnly)
    {
        var result = Parser.Parse(text);
        var call = Assert.IsType<ParseResult.Parsed>(result).Call;
        Assert.Equal(action, call.IamAction);
        Assert.Equal(readOnly, call.IsReadOnly);
    }

    [Fact]
    public void Input_uses_model_member_names()
    {
        var call = Call("dynamodb list-tables --exclusive-start-table-name t1 --limit 2");
        Assert.Equal(JsonNode.Parse("{\"ExclusiveStartTableName\":\"t1\",\"Limit\":2}")!.ToJsonString(), call.Input.ToJsonString());
    }
}
