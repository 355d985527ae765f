using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Aws.Protocols;
using Crowsnest.Commands.Chat.Shortcuts.Invoke;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Tests.Aws;
using Crowsnest.Tests.Commands.Execute;

namespace Crowsnest.Tests.Commands.Chat.Shortcuts;

/// <summary>
/// moto runs Lambda functions in Docker, which CI lacks: the request is checked as it leaves the real invoker, and
/// the reply is rendered from a constructed Lambda response (status, headers and payload as Lambda sends them).
/// </summary>
public class LambdaInvokeTests
{
    private static readonly CommandParser Parser = new(TestModels.Catalog);

    private static LambdaInvokeRequest Parse(string text) =>
        LambdaInvokeRequest.Parse(CommandTokenizer.Tokenize(text, out _)!.Skip(1).ToList()).Request ?? throw new InvalidOperationException(text);

    [Fact]
    public async Task The_call_asks_for_the_log_tail_and_sends_the_payload_as_the_body()
    {
        var request = Parse("invoke orders-api --payload '{\"id\": 42, \"note\": \"a b\"}' --qualifier live --region eu-west-1");
        var call = Assert.IsType<ParseResult.Parsed>(request.ToCall(Parser)).Call;
        Assert.Equal("lambda:InvokeFunction", call.IamAction);
        Assert.False(call.IsReadOnly);

        var lambda = new RecordingLambda(HttpStatusCode.OK, "{\"ok\":true}", new() { ["X-Amz-Executed-Version"] = "7" });
        using var http = new HttpClient(lambda);
        var invoker = new AwsInvoker(http, new AwsInvokerOptions
        {
            Endpoints = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9" } },
            MaxRetries = 0,
        });
        var result = await invoker.InvokeAsync(call, MotoAws.TestCredentials, CancellationToken.None);

        var sent = lambda.Request!;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/2015-03-31/functions/orders-api/invocations", sent.RequestUri!.AbsolutePath);
        Assert.Equal("?Qualifier=live", sent.RequestUri.Query);
        Assert.Equal("Tail", sent.Headers.GetValues("X-Amz-Log-Type").Single());
        Assert.Contains("/eu-west-1/lambda/aws4_request", sent.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.Equal("{\"id\": 42, \"note\": \"a b\"}", lambda.Body);
        var output = Assert.IsType<AwsResult.Success>(result).Output;
        Assert.Equal("7", (string?)output["ExecutedVersion"]);
        Assert.Equal(200, (int)output["StatusCode"]!);
    }

    [Fact]
    public void A_successful_invocation_shows_status_version_pretty_payload_and_the_decoded_log_tail()
    {
        var log = "START RequestId: r-1 Version: $LATEST\nprocessing 42\nEND RequestId: r-1\nREPORT RequestId: r-1\tDuration: 2.1 ms\n";
        var output = new JsonObject
        {
            ["StatusCode"] = 200,
            ["ExecutedVersion"] = "$LATEST",
            ["LogResult"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(log)),
            ["Payload"] = "{\"statusCode\":200,\"body\":\"done é\"}",
        };
        var reply = LambdaInvokeReply.Render(Parse("invoke orders-api"), new AwsResult.Success(output, 1));
        Assert.Equal("Invoked orders-api", reply.Title);
        Assert.Equal([("Status code", "200"), ("Executed version", "$LATEST")], reply.Fields.Select(f => (f.Label, f.Value)));
        Assert.Equal("```\n{\n  \"statusCode\": 200,\n  \"body\": \"done é\"\n}\n```", reply.Sections[0].Text);
        Assert.Equal("Log tail", reply.Sections[1].Heading);
        Assert.Contains("processing 42\nEND RequestId: r-1", reply.Sections[1].Text, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments);
    }

    [Fact]
    public void A_function_error_is_shown_and_a_long_payload_is_attached_as_a_file()
    {
        var big = new JsonObject { ["errorMessage"] = "boom", ["stackTrace"] = new JsonArray([.. Enumerable.Range(0, 200).Select(i => (JsonNode)$"at frame {i}")]) };
        var output = new JsonObject { ["StatusCode"] = 200, ["FunctionError"] = "Unhandled", ["Payload"] = big.ToJsonString() };
        var reply = LambdaInvokeReply.Render(Parse("invoke orders-api"), new AwsResult.Success(output, 1));
        Assert.Equal("orders-api returned an error", reply.Title);
        Assert.Contains(reply.Fields, f => f is { Label: "Function error", Value: "Unhandled" });
        Assert.Contains("more lines; the full output is attached", reply.Sections[0].Text, StringComparison.Ordinal);
        var file = Assert.Single(reply.Attachments);
        Assert.Equal("payload.json", file.FileName);
        Assert.Contains("at frame 199", file.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_call_explains_why()
    {
        var failure = new AwsResult.Failure(new AwsError("ResourceNotFoundException", "Function not found", 404, null), "The function orders-api does not exist.");
        var reply = LambdaInvokeReply.Render(Parse("invoke orders-api"), failure);
        Assert.Equal("Invoking orders-api failed", reply.Title);
        Assert.Equal("The function orders-api does not exist.", reply.Summary);
    }

    [Theory]
    [InlineData("invoke", "Name the function.")]
    [InlineData("invoke f --payload {not json}", "Name one function")]
    [InlineData("invoke f --payload '{not json}'", "--payload must be JSON")]
    [InlineData("invoke f --log-type None", "Unknown option --log-type")]
    public void Mistakes_are_explained_with_the_usage(string text, string expected)
    {
        var error = LambdaInvokeRequest.Parse(CommandTokenizer.Tokenize(text, out _)!.Skip(1).ToList()).Error;
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(LambdaInvokeRequest.Usage, error, StringComparison.Ordinal);
    }

    private sealed class RecordingLambda(HttpStatusCode status, string body, Dictionary<string, string> headers) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (k, v) in headers)
            {
                response.Headers.TryAddWithoutValidation(k, v);
            }
            return response;
        }
    }
}
