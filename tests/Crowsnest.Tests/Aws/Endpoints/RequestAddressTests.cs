using System.Text.Json.Nodes;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Aws.Protocols;

namespace Crowsnest.Tests.Aws.Endpoints;

/// <summary>The URL a request is sent to: model host prefixes and S3 addressing styles.</summary>
public sealed class RequestAddressTests
{
    private static readonly AwsEndpointOptions Regional = new() { DefaultRegion = "us-east-1" };

    [Theory]
    [InlineData("s3control", "ListAccessPoints", "{\"AccountId\":\"123456789012\"}", "https://123456789012.s3-control.us-east-1.amazonaws.com/v20180820/accesspoint")]
    [InlineData("deadline", "ListFarms", "{}", "https://management.deadline.us-east-1.amazonaws.com/2023-10-12/farms")]
    [InlineData("iotsitewise", "ListAssetModels", "{}", "https://api.iotsitewise.us-east-1.amazonaws.com/asset-models")]
    [InlineData("cloudwatch", "DescribeAlarms", "{}", "https://monitoring.us-east-1.amazonaws.com/")]
    public void The_models_host_prefix_is_put_in_front_of_the_regional_host(string service, string operation, string input, string expected)
    {
        Assert.Equal(expected, Address(service, operation, input, Regional).AbsoluteUri);
    }

    [Fact]
    public void A_host_label_that_is_missing_or_not_a_label_adds_no_prefix()
    {
        var op = TestModels.Catalog.Find("s3control")!.Operation("ListAccessPoints")!;
        Assert.Equal("123456789012.", RequestAddress.HostPrefix(op, JsonNode.Parse("{\"AccountId\":\"123456789012\"}")!.AsObject()));
        Assert.Null(RequestAddress.HostPrefix(op, []));
        Assert.Null(RequestAddress.HostPrefix(op, JsonNode.Parse("{\"AccountId\":\"evil.example.com/x\"}")!.AsObject()));
    }

    [Theory]
    [InlineData("ListObjectsV2", "{\"Bucket\":\"my-logs\",\"Prefix\":\"a/b\"}", "https://my-logs.s3.us-east-1.amazonaws.com/?list-type=2&prefix=a%2Fb")]
    [InlineData("GetBucketTagging", "{\"Bucket\":\"my-logs\"}", "https://my-logs.s3.us-east-1.amazonaws.com/?tagging")]
    [InlineData("HeadObject", "{\"Bucket\":\"my-logs\",\"Key\":\"dir/file name.txt\"}", "https://my-logs.s3.us-east-1.amazonaws.com/dir/file%20name.txt")]
    [InlineData("HeadObject", "{\"Bucket\":\"my.dotted.bucket\",\"Key\":\"k\"}", "https://s3.us-east-1.amazonaws.com/my.dotted.bucket/k")]
    [InlineData("ListBuckets", "{}", "https://s3.us-east-1.amazonaws.com/")]
    public void S3_buckets_go_in_the_host_where_the_name_allows_it(string operation, string input, string expected)
    {
        Assert.Equal(expected, Address("s3api", operation, input, Regional).AbsoluteUri);
    }

    [Fact]
    public void Path_style_when_configured_or_for_an_emulator_endpoint()
    {
        const string input = "{\"Bucket\":\"my-logs\",\"Key\":\"k\"}";
        var custom = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000" } };
        var named = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_S3"] = "https://s3.internal.example" } };

        Assert.Equal("https://s3.us-east-1.amazonaws.com/my-logs/k", Address("s3api", "HeadObject", input, Regional, forcePathStyle: true).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5000/my-logs/k", Address("s3api", "HeadObject", input, custom).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5000/v20180820/accesspoint", Address("s3control", "ListAccessPoints", "{\"AccountId\":\"123456789012\"}", custom).AbsoluteUri);
        Assert.Equal("https://my-logs.s3.internal.example/k", Address("s3api", "HeadObject", input, named).AbsoluteUri);
    }

    [Theory]
    [InlineData("my-logs", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("My-Logs", false)]
    [InlineData("-logs", false)]
    [InlineData("my.logs", false)]
    [InlineData("my_logs", false)]
    public void Virtual_hostable_bucket_names(string bucket, bool expected) => Assert.Equal(expected, RequestAddress.IsVirtualHostable(bucket));

    private static Uri Address(string service, string operation, string input, AwsEndpointOptions endpoints, bool forcePathStyle = false)
    {
        var op = TestModels.Catalog.Find(service)!.Operation(operation)!;
        var json = JsonNode.Parse(input)!.AsObject();
        var wire = ProtocolCodec.Serialize(op, json);
        var endpoint = new EndpointResolver(endpoints).Resolve(op.Service.Metadata, "us-east-1");
        return RequestAddress.For(op, json, endpoint, wire.PathAndQuery, forcePathStyle);
    }
}
