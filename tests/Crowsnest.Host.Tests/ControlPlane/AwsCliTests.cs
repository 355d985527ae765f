using System.Text.Json;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>The AWS CLI (v1, botocore's chatbot model) with --endpoint-url against a running crowsnest.</summary>
public sealed class AwsCliTests
{
    private const string Role = "arn:aws:iam::123456789012:role/chatbot-channel";
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:alarms";
    private const string ChimeUrl = "https://hooks.chime.aws/incomingwebhooks/a1b2c3-d4e5?token=CliSecretToken456";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_aws_cli_round_trip_works_with_crowsnest_keys(string store)
    {
        await using var host = await ControlPlaneHost.StartAsync(store);
        var env = ExternalTool.AwsEnvironment(host);
        var arns = new List<string>();
        foreach (var name in new[] { "cli-a", "cli-b", "cli-c" })
        {
            var created = await AwsAsync(env, "create-slack-channel-configuration", "--slack-team-id", "T0123ABCD", "--slack-channel-id", "C0123ABCD",
                "--configuration-name", name, "--iam-role-arn", Role, "--sns-topic-arns", Topic, "--tags", "TagKey=team,TagValue=ops");
            arns.Add(created.GetProperty("ChannelConfiguration").GetProperty("ChatConfigurationArn").GetString()!);
        }
        Assert.Equal("arn:aws:chatbot::000000000000:chat-configuration/slack-channel/cli-a", arns[0]);

        var firstPage = await AwsAsync(env, "describe-slack-channel-configurations", "--max-items", "2");
        Assert.Equal(2, firstPage.GetProperty("SlackChannelConfigurations").GetArrayLength());
        var token = firstPage.GetProperty("NextToken").GetString()!;
        var secondPage = await AwsAsync(env, "describe-slack-channel-configurations", "--max-items", "2", "--starting-token", token);
        Assert.Equal("cli-c", secondPage.GetProperty("SlackChannelConfigurations")[0].GetProperty("ConfigurationName").GetString());
        var all = await AwsAsync(env, "describe-slack-channel-configurations", "--page-size", "1");
        Assert.Equal(3, all.GetProperty("SlackChannelConfigurations").GetArrayLength());

        var updated = await AwsAsync(env, "update-slack-channel-configuration", "--chat-configuration-arn", arns[1], "--slack-channel-id", "C0999ZZZZ", "--logging-level", "ERROR");
        Assert.Equal("ERROR", updated.GetProperty("ChannelConfiguration").GetProperty("LoggingLevel").GetString());
        Assert.Equal("C0999ZZZZ", updated.GetProperty("ChannelConfiguration").GetProperty("SlackChannelId").GetString());

        var invalid = await RunAwsAsync(env, "create-slack-channel-configuration", "--slack-team-id", "T0123ABCD", "--slack-channel-id", "C01",
            "--configuration-name", "bad name!", "--iam-role-arn", Role);
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("(InvalidParameterException)", invalid.Stderr, StringComparison.Ordinal);
        Assert.Contains("configurationName", invalid.Stderr, StringComparison.Ordinal);

        var missing = await RunAwsAsync(env, "delete-slack-channel-configuration", "--chat-configuration-arn", arns[0] + "-gone");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("(ResourceNotFoundException)", missing.Stderr, StringComparison.Ordinal);

        var chime = await AwsAsync(env, "create-chime-webhook-configuration", "--webhook-description", "ops room", "--webhook-url", ChimeUrl,
            "--sns-topic-arns", Topic, "--iam-role-arn", Role, "--configuration-name", "cli-chime");
        var chimeArn = chime.GetProperty("WebhookConfiguration").GetProperty("ChatConfigurationArn").GetString()!;
        Assert.EndsWith(":chat-configuration/chime-webhook/cli-chime", chimeArn, StringComparison.Ordinal);
        await AwsAsync(env, "update-chime-webhook-configuration", "--chat-configuration-arn", chimeArn, "--webhook-description", "ops room 2");
        var described = await RunAwsAsync(env, "describe-chime-webhook-configurations", "--chat-configuration-arn", chimeArn);
        Assert.Equal(0, described.ExitCode);
        Assert.Contains("ops room 2", described.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CliSecretToken456", described.Stdout, StringComparison.Ordinal);
        await AwsAsync(env, "delete-chime-webhook-configuration", "--chat-configuration-arn", chimeArn);

        foreach (var arn in arns)
        {
            await AwsAsync(env, "delete-slack-channel-configuration", "--chat-configuration-arn", arn);
        }
        var none = await AwsAsync(env, "describe-slack-channel-configurations");
        Assert.Equal(0, none.GetProperty("SlackChannelConfigurations").GetArrayLength());
    }

    [Fact]
    public async Task The_aws_cli_with_an_unknown_key_is_refused()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        var env = ExternalTool.AwsEnvironment(host);
        env["AWS_ACCESS_KEY_ID"] = "CNAKUNKNOWNUNKNOWN00";

        var result = await RunAwsAsync(env, "describe-slack-channel-configurations");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("UnrecognizedClientException", result.Stderr, StringComparison.Ordinal);
    }


    private static Task<ExternalTool.Result> RunAwsAsync(Dictionary<string, string> env, params string[] args) =>
        ExternalTool.RunAsync("aws", ["chatbot", .. args, "--endpoint-url", env["CROWSNEST_ENDPOINT"], "--output", "json"], env);

    private static async Task<JsonElement> AwsAsync(Dictionary<string, string> env, params string[] args)
    {
        var result = await RunAwsAsync(env, args);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
