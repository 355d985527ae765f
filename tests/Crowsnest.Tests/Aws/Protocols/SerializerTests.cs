using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Protocols;
using Crowsnest.Tests.Commands.Execute;

namespace Crowsnest.Tests.Aws.Protocols;

/// <summary>Wire forms checked against botocore's serializers (aws-contracts §4).</summary>
public class SerializerTests
{
    private static string Body(WireRequest request) => Encoding.UTF8.GetString(request.Body);

    private static WireRequest Serialize(string command)
    {
        var call = MotoAws.Parse(command);
        return ProtocolCodec.Serialize(call.Operation, call.Input);
    }

    [Fact]
    public void Ec2_lists_and_filters()
    {
        var request = Serialize("ec2 describe-instances --instance-ids i-1 i-2 --filters Name=tag:Env,Values=prod");
        Assert.Equal("Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AEnv&Filter.1.Value.1=prod&InstanceId.1=i-1&InstanceId.2=i-2", Body(request));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.ContentType);
    }

    [Fact]
    public void Query_lists_use_member_and_empty_lists_are_sent_empty()
    {
        Assert.Equal("Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=a&AlarmNames.member.2=b",
            Body(Serialize("cloudwatch describe-alarms --alarm-names a b")));
        Assert.Equal("Action=DescribeAlarms&Version=2010-08-01&AlarmNames=", Body(Serialize("cloudwatch describe-alarms --alarm-names '[]'")));
        Assert.Equal("Action=AssumeRole&Version=2011-06-15&RoleArn=r&RoleSessionName=s&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess",
            Body(Serialize("sts assume-role --role-arn r --role-session-name s --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess")));
    }

    [Fact]
    public void Query_maps_use_entries()
    {
        var body = Body(Serialize("sns publish --topic-arn t --message m --message-attributes '{\"a\":{\"DataType\":\"String\",\"StringValue\":\"x\"}}'"));
        Assert.Contains("MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=x", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_protocol_target_content_type_and_epoch_timestamps()
    {
        var request = Serialize("logs filter-log-events --log-group-name g --start-time 5");
        Assert.Equal("Logs_20140328.FilterLogEvents", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal("{\"logGroupName\":\"g\",\"startTime\":5}", Body(request));
        var dynamo = Serialize("dynamodb list-tables");
        Assert.Equal("{}", Body(dynamo));
        Assert.Equal("application/x-amz-json-1.0", dynamo.ContentType);
        var events = Serialize("events put-events --entries Source=a,DetailType=b,Detail=x,Time=2024-01-01T00:00:00Z");
        Assert.Contains("\"Time\":1704067200", Body(events), StringComparison.Ordinal);
    }

    [Fact]
    public void Rest_uri_labels_greedy_query_and_headers()
    {
        var request = Serialize("s3api head-object --bucket b --key 'a/b c+d.txt' --if-modified-since 2020-01-01 --part-number 2");
        Assert.Equal("HEAD", request.Method);
        Assert.Equal("/b/a/b%20c%2Bd.txt?partNumber=2", request.PathAndQuery);
        Assert.Equal("Wed, 01 Jan 2020 00:00:00 GMT", request.Headers["If-Modified-Since"]);
        var list = Serialize("s3api list-objects-v2 --bucket b --prefix 'x/'");
        Assert.Equal("/b?list-type=2&prefix=x%2F", list.PathAndQuery);
    }

    [Fact]
    public void Rest_json_body_and_blob_payload()
    {
        var invoke = Serialize("lambda invoke --function-name f --payload '{\"a\":1}' --invocation-type Event");
        Assert.Equal("/2015-03-31/functions/f/invocations", invoke.PathAndQuery);
        Assert.Equal("{\"a\":1}", Body(invoke));
        Assert.Equal("Event", invoke.Headers["X-Amz-Invocation-Type"]);
        var tag = Serialize("lambda tag-resource --resource arn:aws:lambda:us-east-1:1:function:f --tags a=b");
        Assert.Equal("{\"Tags\":{\"a\":\"b\"}}", Body(tag));
        Assert.Equal("application/json", tag.ContentType);
    }

    [Fact]
    public void Rest_xml_body_with_namespace()
    {
        var request = Serialize("route53 create-hosted-zone --name example.com --caller-reference r1 --hosted-zone-config Comment=c");
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2013-04-01/hostedzone", request.PathAndQuery);
        Assert.Equal("<CreateHostedZoneRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Name>example.com</Name><CallerReference>r1</CallerReference>"
            + "<HostedZoneConfig><Comment>c</Comment></HostedZoneConfig></CreateHostedZoneRequest>", Body(request));
    }

    [Fact]
    public void Idempotency_tokens_are_filled_when_left_out()
    {
        var call = MotoAws.Parse("ec2 run-instances --image-id ami-1 --min-count 1 --max-count 1");
        Assert.Contains("ClientToken=", Body(ProtocolCodec.Serialize(call.Operation, call.Input)), StringComparison.Ordinal);
        Assert.False(call.Input.ContainsKey("ClientToken"));
    }

    [Theory]
    [InlineData("json", "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"bad\"}", null, "ValidationException", "bad")]
    [InlineData("rest-json", "{\"message\":\"gone\"}", "ResourceNotFoundException:http://internal", "ResourceNotFoundException", "gone")]
    [InlineData("query", "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>slow</Message></Error><RequestId>r</RequestId></ErrorResponse>", null, "Throttling", "slow")]
    [InlineData("ec2", "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message></Error></Errors><RequestID>r</RequestID></Response>", null, "UnauthorizedOperation", "no")]
    [InlineData("rest-xml", "<Error><Code>NoSuchKey</Code><Message>none</Message><RequestId>r</RequestId></Error>", null, "NoSuchKey", "none")]
    [InlineData("rest-xml", "", null, "404", "")]
    public void Errors_of_every_protocol(string protocol, string body, string? errorType, string code, string message)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (errorType is not null)
        {
            headers["x-amzn-ErrorType"] = errorType;
        }
        var error = ErrorParser.Parse(protocol, new WireResponse(body.Length == 0 ? 404 : 400, headers, Encoding.UTF8.GetBytes(body)));
        Assert.Equal((code, message), (error.Code, error.Message));
    }

    [Fact]
    public void Query_output_unwraps_the_result_and_types_scalars()
    {
        var call = MotoAws.Parse("sts get-caller-identity");
        var xml = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Arn>arn</Arn><UserId>u</UserId>"
            + "<Account>1</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
        var output = ProtocolCodec.ParseOutput(call.Operation, new WireResponse(200, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(xml)));
        Assert.Equal("{\"UserId\":\"u\",\"Account\":\"1\",\"Arn\":\"arn\"}", output.ToJsonString());
        var alarms = MotoAws.Parse("cloudwatch describe-alarms");
        var alarmXml = "<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms><member><AlarmName>a</AlarmName><Threshold>70.0</Threshold>"
            + "<ActionsEnabled>true</ActionsEnabled><Dimensions/></member></MetricAlarms></DescribeAlarmsResult></DescribeAlarmsResponse>";
        var parsed = ProtocolCodec.ParseOutput(alarms.Operation, new WireResponse(200, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(alarmXml)));
        Assert.Equal("{\"MetricAlarms\":[{\"AlarmName\":\"a\",\"ActionsEnabled\":true,\"Dimensions\":[],\"Threshold\":70}]}", parsed.ToJsonString());
        Assert.IsType<JsonArray>(parsed["MetricAlarms"]);
    }
}
