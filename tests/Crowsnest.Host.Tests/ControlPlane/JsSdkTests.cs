namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>The official AWS SDK for JavaScript v3 Chatbot client against a running crowsnest (tests/clients).</summary>
public sealed class JsSdkTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_js_sdk_creates_describes_pages_updates_and_deletes_slack_and_chime_configurations(string store)
    {
        await using var host = await ControlPlaneHost.StartAsync(store);
        var result = await RunScriptAsync(host, ExternalTool.AwsEnvironment(host));

        Assert.True(result.ExitCode == 0, $"node failed ({result.ExitCode}): {result.Stderr}{result.Stdout}");
        Assert.Contains("\"ok\":true", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"validation\":\"InvalidParameterException\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"notFound\":\"ResourceNotFoundException\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_js_sdk_with_a_wrong_secret_is_refused_with_a_signature_error()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        var result = await RunScriptAsync(host, ExternalTool.AwsEnvironment(host, secret: "wrong-secret-wrong-secret-wrong-secret-00"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("InvalidSignatureException", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await host.Host.Store.Resources.ListAllAsync(["configuration"], CancellationToken.None));
    }

    private static Task<ExternalTool.Result> RunScriptAsync(ControlPlaneHost host, Dictionary<string, string> environment)
    {
        var clients = Path.Combine(ExternalTool.RepositoryRoot(), "tests", "clients");
        Assert.True(Directory.Exists(Path.Combine(clients, "node_modules", "@aws-sdk", "client-chatbot")),
            "tests/clients/node_modules is missing: run ./scripts/test (it runs npm ci there) or `npm ci` in tests/clients.");
        return ExternalTool.RunAsync("node", [Path.Combine(clients, "chatbot-roundtrip.mjs")], environment, clients);
    }
}
