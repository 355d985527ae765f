namespace Crowsnest.Tests.Commands.Execute;

public class Ec2ProtocolTests
{
    [Fact]
    public async Task Run_instances_then_describe_with_filters()
    {
        var moto = await MotoAws.SharedAsync();
        var tag = MotoAws.Unique("app");
        var run = await moto.OkAsync($"ec2 run-instances --image-id ami-12c6146b --min-count 2 --max-count 2 --instance-type t3.micro "
            + $"--tag-specifications ResourceType=instance,Tags=[{{Key=App,Value={tag}}}]");
        var ids = run["Instances"]!.AsArray().Select(i => (string)i!["InstanceId"]!).ToList();
        Assert.Equal(2, ids.Count);
        var described = await moto.OkAsync($"ec2 describe-instances --filters Name=tag:App,Values={tag} Name=instance-type,Values=t3.micro");
        var instances = described["Reservations"]!.AsArray().SelectMany(r => r!["Instances"]!.AsArray()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), instances.Select(i => (string)i!["InstanceId"]!).Order(StringComparer.Ordinal));
        Assert.Equal("t3.micro", (string?)instances[0]!["InstanceType"]);
        Assert.Equal(tag, (string?)instances[0]!["Tags"]!.AsArray().First(t => (string?)t!["Key"] == "App")!["Value"]);
        Assert.IsType<long>(instances[0]!["State"]!["Code"]!.GetValue<long>());
    }

    [Fact]
    public async Task Describe_instances_by_id_and_unknown_id_error()
    {
        var moto = await MotoAws.SharedAsync();
        var run = await moto.OkAsync("ec2 run-instances --image-id ami-12c6146b --min-count 1 --max-count 1");
        var id = (string)run["Instances"]![0]!["InstanceId"]!;
        var one = await moto.OkAsync($"ec2 describe-instances --instance-ids {id}");
        Assert.Equal(id, (string?)one["Reservations"]![0]!["Instances"]![0]!["InstanceId"]);
        var failure = await moto.FailAsync("ec2 describe-instances --instance-ids i-00000000000000000");
        Assert.Equal("InvalidInstanceID.NotFound", failure.Error.Code);
    }

    [Fact]
    public async Task Describe_instances_paginates_with_max_items()
    {
        var moto = await MotoAws.SharedAsync();
        var tag = MotoAws.Unique("page");
        await moto.OkAsync($"ec2 run-instances --image-id ami-12c6146b --min-count 1 --max-count 1 --tag-specifications ResourceType=instance,Tags=[{{Key=P,Value={tag}}}]");
        await moto.OkAsync($"ec2 run-instances --image-id ami-12c6146b --min-count 1 --max-count 1 --tag-specifications ResourceType=instance,Tags=[{{Key=P,Value={tag}}}]");
        var first = await moto.OkAsync($"ec2 describe-instances --filters Name=tag:P,Values={tag} --max-items 1");
        Assert.Single(first["Reservations"]!.AsArray());
        Assert.NotNull(first["NextToken"]);
        var second = await moto.OkAsync($"ec2 describe-instances --filters Name=tag:P,Values={tag} --starting-token {(string)first["NextToken"]!}");
        Assert.Single(second["Reservations"]!.AsArray());
        Assert.NotEqual((string?)first["Reservations"]![0]!["ReservationId"], (string?)second["Reservations"]![0]!["ReservationId"]);
    }
}
