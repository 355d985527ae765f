using System.Text.Json;
using Crowsnest.Host.Tests.ControlPlane;
using Crowsnest.Testing;

namespace Crowsnest.Host.Tests;

/// <summary><c>crowsnest aws &lt;service&gt; &lt;operation&gt; …</c> as a child process against moto.</summary>
public sealed class AwsCommandTests
{
    [Fact]
    public async Task A_command_runs_against_moto_a_typo_gets_a_suggestion_and_file_loading_is_refused()
    {
        var moto = await MotoServer.SharedUrlAsync();
        var env = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = moto,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
        };
        var topic = "crowsnest-cli-" + Guid.NewGuid().ToString("N")[..8];

        var created = await RunAsync(env, "sns", "create-topic", "--name", topic);
        var listed = await RunAsync(env, "sns", "list-topics", "--output", "text");
        var typo = await RunAsync(env, "sns", "list-topic");
        var file = await RunAsync(env, "sns", "publish", "--topic-arn", "arn:aws:sns:us-east-1:123456789012:x", "--message", "file:///etc/passwd");

        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.EndsWith(":" + topic, JsonDocument.Parse(created.Stdout).RootElement.GetProperty("TopicArn").GetString(), StringComparison.Ordinal);
        Assert.Contains(topic, listed.Stdout, StringComparison.Ordinal);
        Assert.Equal(252, typo.ExitCode);
        Assert.Contains("list-topic", typo.Stderr, StringComparison.Ordinal);
        Assert.Contains("list-topics", typo.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, file.ExitCode);
        Assert.Contains("file://", file.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", file.Stdout + file.Stderr, StringComparison.Ordinal);
    }

    private static Task<ExternalTool.Result> RunAsync(Dictionary<string, string> env, params string[] args) =>
        ExternalTool.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Crowsnest.Host.dll"), "aws", .. args], env);
}
