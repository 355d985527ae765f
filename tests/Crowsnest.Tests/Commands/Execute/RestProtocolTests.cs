using System.Text.Json.Nodes;

namespace Crowsnest.Tests.Commands.Execute;

public class RestProtocolTests
{
    [Fact]
    public async Task Lambda_list_functions_and_invoke_errors()
    {
        var moto = await MotoAws.SharedAsync();
        var output = await moto.OkAsync("lambda list-functions");
        Assert.IsType<JsonArray>(output["Functions"]);
        var failure = await moto.FailAsync("lambda invoke --function-name nope --payload '{\"a\":1}'");
        Assert.Equal("ResourceNotFoundException", failure.Error.Code);
        Assert.Equal(404, failure.Error.Status);
        Assert.Contains("Function not found", failure.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3api_create_and_list_buckets()
    {
        var moto = await MotoAws.SharedAsync();
        var bucket = MotoAws.Unique("bkt");
        await moto.OkAsync($"s3api create-bucket --bucket {bucket}");
        var output = await moto.OkAsync("s3api list-buckets");
        Assert.Contains(bucket, output["Buckets"]!.AsArray().Select(b => (string)b!["Name"]!));
        Assert.NotNull(output["Owner"]);
        var failure = await moto.FailAsync("s3api get-bucket-location --bucket no-such-bucket-crowsnest");
        Assert.Equal("NoSuchBucket", failure.Error.Code);
    }

    [Fact]
    public async Task S3api_put_and_list_objects_paginates()
    {
        var moto = await MotoAws.SharedAsync();
        var bucket = MotoAws.Unique("objs");
        await moto.OkAsync($"s3api create-bucket --bucket {bucket}");
        foreach (var key in new[] { "a/1.txt", "a/2 two+x.txt", "b/3.txt" })
        {
            await moto.OkAsync($"s3api put-object --bucket {bucket} --key '{key}' --content-type text/plain --metadata team=ops");
        }
        var all = await moto.OkAsync($"s3api list-objects-v2 --bucket {bucket} --page-size 1");
        Assert.Equal(["a/1.txt", "a/2 two+x.txt", "b/3.txt"], all["Contents"]!.AsArray().Select(o => (string)o!["Key"]!));
        Assert.Equal(0, (long)all["Contents"]![0]!["Size"]!);
        var cut = await moto.OkAsync($"s3api list-objects-v2 --bucket {bucket} --prefix a/ --max-items 1");
        Assert.Equal("a/1.txt", (string?)Assert.Single(cut["Contents"]!.AsArray())!["Key"]);
        var rest = await moto.OkAsync($"s3api list-objects-v2 --bucket {bucket} --prefix a/ --starting-token {(string)cut["NextToken"]!}");
        Assert.Equal("a/2 two+x.txt", (string?)Assert.Single(rest["Contents"]!.AsArray())!["Key"]);
        var head = await moto.OkAsync($"s3api head-object --bucket {bucket} --key 'a/2 two+x.txt'");
        Assert.Equal("text/plain", (string?)head["ContentType"]);
        Assert.Equal("ops", (string?)head["Metadata"]!["team"]);
        var missing = await moto.FailAsync($"s3api head-object --bucket {bucket} --key nothing");
        Assert.Equal("404", missing.Error.Code);
    }

    [Fact]
    public async Task Route53_create_and_list_hosted_zones()
    {
        var moto = await MotoAws.SharedAsync();
        var zone = MotoAws.Unique("z") + ".example.com";
        var created = await moto.OkAsync($"route53 create-hosted-zone --name {zone} --caller-reference {Guid.NewGuid()} --hosted-zone-config Comment=crowsnest,PrivateZone=false");
        Assert.Equal(zone + ".", (string?)created["HostedZone"]!["Name"]);
        var listed = await moto.OkAsync("route53 list-hosted-zones");
        var match = listed["HostedZones"]!.AsArray().Single(z => (string?)z!["Name"] == zone + ".")!;
        Assert.Equal("crowsnest", (string?)match["Config"]!["Comment"]);
        Assert.False((bool)match["Config"]!["PrivateZone"]!);
        var failure = await moto.FailAsync("route53 get-hosted-zone --id NOPE");
        Assert.Equal("NoSuchHostedZone", failure.Error.Code);
    }
}
