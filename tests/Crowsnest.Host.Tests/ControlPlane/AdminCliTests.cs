using System.Text.Json;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>The admin CLI (<c>crowsnest configurations|keys|workspaces ...</c>) as a child process over the REST API.</summary>
public sealed class AdminCliTests
{
    [Fact]
    public async Task Configurations_and_keys_are_managed_from_the_command_line_with_table_and_json_output()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        var env = new Dictionary<string, string> { ["CROWSNEST_ENDPOINT"] = host.Host.BaseUrl, ["CROWSNEST_TOKEN"] = ControlPlaneHost.BootstrapToken };

        var created = await CliAsync(env, "configurations", "create", "--name", "builds", "--target", "webhook", "--webhook-url", "https://hooks.example.test/in",
            "--signing-secret", "cli-signing-secret-000", "--topic", "arn:aws:sns:us-east-1:123456789012:builds", "--event-type", "codebuild.*",
            "--min-severity", "High", "--unrecognized", "hold", "-o", "json");
        var arn = JsonDocument.Parse(created).RootElement.GetProperty("ChannelConfiguration").GetProperty("ChatConfigurationArn").GetString()!;
        Assert.Equal("arn:aws:chatbot::000000000000:chat-configuration/webhook/builds", arn);
        Assert.DoesNotContain("cli-signing-secret-000", created, StringComparison.Ordinal);

        var table = await CliAsync(env, "configurations", "list");
        Assert.Matches(@"NAME\s+TARGET\s+TOPICS\s+STATE\s+ARN", table);
        Assert.Matches(@"builds\s+webhook\s+arn:aws:sns:us-east-1:123456789012:builds\s+ENABLED", table);

        await CliAsync(env, "configurations", "update", "--arn", arn, "--state", "DISABLED");
        var shown = JsonDocument.Parse(await CliAsync(env, "configurations", "get", "--arn", arn, "-o", "json")).RootElement.GetProperty("ChannelConfiguration");
        Assert.Equal("DISABLED", shown.GetProperty("State").GetString());
        Assert.Equal("hold", shown.GetProperty("UnrecognizedEvents").GetString());
        Assert.Equal("High", shown.GetProperty("EventFilter").GetProperty("MinimumSeverity").GetString());

        var invalid = await RunAsync(env, "configurations", "create", "--name", "bad name", "--target", "console", "--inbox", "ops");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("InvalidParameterException", invalid.Stderr, StringComparison.Ordinal);

        var key = JsonDocument.Parse(await CliAsync(env, "keys", "create", "--name", "terraform", "-o", "json")).RootElement;
        var secret = key.GetProperty("SecretAccessKey").GetString()!;
        var keys = await CliAsync(env, "keys", "list");
        Assert.Contains(key.GetProperty("AccessKeyId").GetString()!, keys, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, keys, StringComparison.Ordinal);
        await CliAsync(env, "keys", "revoke", "--id", key.GetProperty("AccessKeyId").GetString()!);

        await CliAsync(env, "configurations", "delete", "--arn", arn);
        Assert.DoesNotContain("builds", await CliAsync(env, "configurations", "list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_cli_refuses_and_with_a_wrong_one_the_api_does()
    {
        await using var host = await ControlPlaneHost.StartAsync();

        var missing = await RunAsync(new() { ["CROWSNEST_ENDPOINT"] = host.Host.BaseUrl, ["CROWSNEST_TOKEN"] = "" }, "configurations", "list");
        Assert.Equal(2, missing.ExitCode);
        var wrong = await RunAsync(new() { ["CROWSNEST_ENDPOINT"] = host.Host.BaseUrl, ["CROWSNEST_TOKEN"] = "cnt_nope_nope" }, "configurations", "list");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("UnrecognizedClientException", wrong.Stderr, StringComparison.Ordinal);
    }

    private static Task<ExternalTool.Result> RunAsync(Dictionary<string, string> env, params string[] args) =>
        ExternalTool.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Crowsnest.Host.dll"), .. args], env);

    private static async Task<string> CliAsync(Dictionary<string, string> env, params string[] args)
    {
        var result = await RunAsync(env, args);
        Assert.True(result.ExitCode == 0, $"crowsnest {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }
}
