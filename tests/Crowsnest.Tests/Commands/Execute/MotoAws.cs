using System.Text.Json.Nodes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Testing;
using Crowsnest.Tests.Aws;

namespace Crowsnest.Tests.Commands.Execute;

/// <summary>Parses and runs commands against a moto server, with the endpoint set the way the engine reads it (AWS_ENDPOINT_URL).</summary>
internal sealed class MotoAws(string url)
{
    public static readonly AwsCredentials TestCredentials = new("AKIAIOSFODNN7EXAMPLE", "testing-secret");
    private static readonly HttpClient Http = new();

    public string Url { get; } = url;

    public AwsInvoker Invoker { get; } = new(Http, new AwsInvokerOptions
    {
        Endpoints = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = url } },
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(90), // one moto serves every test at once on a busy machine
    });

    public static async Task<MotoAws> SharedAsync() => new(await MotoServer.SharedUrlAsync());

    public static AwsCall Parse(string command) =>
        Assert.IsType<ParseResult.Parsed>(new CommandParser(TestModels.Catalog).Parse(command)).Call;

    public Task<AwsResult> RunAsync(string command, AwsCredentials? credentials = null) =>
        Invoker.InvokeAsync(Parse(command), credentials ?? TestCredentials, CancellationToken.None);

    public async Task<JsonObject> OkAsync(string command, AwsCredentials? credentials = null)
    {
        var result = await RunAsync(command, credentials);
        if (result is AwsResult.Failure f)
        {
            Assert.Fail($"`{command}` failed: {f.Error}");
        }
        return Assert.IsType<AwsResult.Success>(result).Output;
    }

    public async Task<AwsResult.Failure> FailAsync(string command, AwsCredentials? credentials = null) =>
        Assert.IsType<AwsResult.Failure>(await RunAsync(command, credentials));

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
