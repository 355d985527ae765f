using System.Text.Json.Nodes;
using Crowsnest.Commands.Chat.Shortcuts.Invoke;
using Crowsnest.Commands.Parse;
using Crowsnest.Testing;
using Crowsnest.Tests.Aws;

namespace Crowsnest.Tests.Commands.Execute;

/// <summary>
/// <c>lambda invoke</c> round trips against a private moto switched to its Docker-free Lambda backend
/// (<c>/moto-api/config</c>), which answers an invocation with the payload it was sent, or with a result queued
/// through <c>/moto-api/static/lambda-simple/response</c>. Private, because that backend does not check that the
/// function exists, which the shared server's tests rely on.
/// </summary>
public class LambdaInvokeMotoTests
{
    private const string TrustPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    [Fact]
    public async Task Invoke_sends_the_payload_and_returns_status_and_the_function_result()
    {
        await using var server = await DockerFreeLambdaAsync();
        var moto = new MotoAws(server.Url);
        var role = (string)(await moto.OkAsync($"iam create-role --role-name fn-role --assume-role-policy-document '{TrustPolicy}'"))["Role"]!["Arn"]!;
        var created = await moto.OkAsync($"lambda create-function --function-name orders-api --runtime python3.12 --handler app.handler --role {role} --code ZipFile=not-really-a-zip");
        Assert.Equal("orders-api", (string?)created["FunctionName"]);
        var listed = await moto.OkAsync("lambda list-functions");
        Assert.Contains("orders-api", listed["Functions"]!.AsArray().Select(f => (string)f!["FunctionName"]!));

        var echoed = await moto.OkAsync("lambda invoke --function-name orders-api --payload '{\"id\": 42}'");
        Assert.Equal(200, (int)echoed["StatusCode"]!);
        Assert.Equal(42, (int)JsonNode.Parse((string)echoed["Payload"]!)!["id"]!);

        await QueueResultAsync(server, "{\"statusCode\":201,\"body\":\"created order 42\"}");
        var queued = await moto.OkAsync("lambda invoke --function-name orders-api --payload '{\"id\": 42}'");
        Assert.Equal("created order 42", (string?)JsonNode.Parse((string)queued["Payload"]!)!["body"]);
    }

    [Fact]
    public async Task The_invoke_shortcut_runs_through_the_engine_and_renders_the_reply()
    {
        await using var server = await DockerFreeLambdaAsync();
        var moto = new MotoAws(server.Url);
        await QueueResultAsync(server, "{\"statusCode\":200,\"body\":\"done\"}");

        var request = LambdaInvokeRequest.Parse(CommandTokenizer.Tokenize("invoke orders-api --payload '{\"id\": 7}'", out _)!.Skip(1).ToList()).Request!;
        var call = Assert.IsType<ParseResult.Parsed>(request.ToCall(new CommandParser(TestModels.Catalog))).Call;
        var result = await moto.Invoker.InvokeAsync(call, MotoAws.TestCredentials, CancellationToken.None);
        var reply = LambdaInvokeReply.Render(request, result);

        Assert.Equal("Invoked orders-api", reply.Title);
        Assert.Contains(reply.Fields, f => f is { Label: "Status code", Value: "200" });
        Assert.Contains("\"body\": \"done\"", reply.Sections[0].Text, StringComparison.Ordinal);
    }

    private static async Task<MotoServer> DockerFreeLambdaAsync()
    {
        var server = await MotoServer.StartAsync();
        await server.PostControlAsync("/moto-api/config", new JsonObject { ["lambda"] = new JsonObject { ["use_docker"] = false } }.ToJsonString());
        return server;
    }

    private static Task QueueResultAsync(MotoServer server, string result) =>
        server.PostControlAsync("/moto-api/static/lambda-simple/response", new JsonObject { ["results"] = new JsonArray(result), ["region"] = "us-east-1" }.ToJsonString());
}
