namespace Crowsnest.Tests.Commands.Execute;

public class JsonProtocolTests
{
    [Fact]
    public async Task Logs_describe_log_groups_with_prefix_and_pages()
    {
        var moto = await MotoAws.SharedAsync();
        var prefix = "/crowsnest/" + MotoAws.Unique("g");
        for (var i = 0; i < 3; i++)
        {
            await moto.OkAsync($"logs create-log-group --log-group-name {prefix}/{i}");
        }
        var all = await moto.OkAsync($"logs describe-log-groups --log-group-name-prefix {prefix} --page-size 1");
        Assert.Equal([$"{prefix}/0", $"{prefix}/1", $"{prefix}/2"], all["logGroups"]!.AsArray().Select(g => (string)g!["logGroupName"]!));
        Assert.IsType<long>(all["logGroups"]![0]!["creationTime"]!.GetValue<long>());
        var cut = await moto.OkAsync($"logs describe-log-groups --log-group-name-prefix {prefix} --max-items 2");
        Assert.Equal(2, cut["logGroups"]!.AsArray().Count);
        var rest = await moto.OkAsync($"logs describe-log-groups --log-group-name-prefix {prefix} --starting-token {(string)cut["NextToken"]!}");
        Assert.Equal($"{prefix}/2", (string?)Assert.Single(rest["logGroups"]!.AsArray())!["logGroupName"]);
    }

    [Fact]
    public async Task Dynamodb_list_tables_paginates_over_pages()
    {
        var moto = await MotoAws.SharedAsync();
        var prefix = MotoAws.Unique("tbl");
        for (var i = 0; i < 3; i++)
        {
            await moto.OkAsync($"dynamodb create-table --table-name {prefix}-{i} --attribute-definitions AttributeName=id,AttributeType=S "
                + "--key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST");
        }
        var paged = await moto.OkAsync("dynamodb list-tables --page-size 1");
        var names = paged["TableNames"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Contains($"{prefix}-0", names);
        Assert.Contains($"{prefix}-2", names);
        Assert.Null(paged["LastEvaluatedTableName"]);
    }

    [Fact]
    public async Task Ssm_get_parameter_and_not_found()
    {
        var moto = await MotoAws.SharedAsync();
        var name = "/crowsnest/" + MotoAws.Unique("p");
        await moto.OkAsync($"ssm put-parameter --name {name} --value 'hello world' --type String");
        var output = await moto.OkAsync($"ssm get-parameter --name {name}");
        Assert.Equal("hello world", (string?)output["Parameter"]!["Value"]);
        Assert.Equal(1, (long)output["Parameter"]!["Version"]!);
        var failure = await moto.FailAsync($"ssm get-parameter --name {name}-missing");
        Assert.Equal("ParameterNotFound", failure.Error.Code);
        Assert.Contains("That parameter does not exist.", failure.PlainMessage, StringComparison.Ordinal);
    }
}
