using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crowsnest.Testing;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>The real executable: first-start bootstrap token, and secrets absent from the database file, the log and answers.</summary>
public sealed partial class SecretsTests
{
    private const string ChimeToken = "ChimeSecretToken789";
    private const string BotToken = "xoxb-1111-2222-BotSecretToken";
    private const string SlackSigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string WebhookSecret = "webhook-signing-secret-0042";
    private const string AppToken = "xapp-1-A0SECRET-AppLevelSecretToken";

    [Fact]
    public async Task A_first_start_prints_a_bootstrap_token_and_secrets_stay_out_of_the_file_the_log_and_answers()
    {
        var directory = TestHost.NewDataDirectory();
        var port = FreePort.Next();
        await using var process = CrowsnestProcess.Start(directory, "serve", "--listen", $"http://127.0.0.1:{port}", "--data-dir", directory);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilHealthyAsync(client, process);
        var token = BootstrapToken().Match(process.Output);
        Assert.True(token.Success, $"no bootstrap token in the log: {process.Output}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);

        var answers = new StringBuilder();
        answers.Append(await PostAsync(client, "/create-chime-webhook-configuration", new JsonObject
        {
            ["WebhookDescription"] = "ops",
            ["WebhookUrl"] = $"https://hooks.chime.aws/incomingwebhooks/abc-123?token={ChimeToken}",
            ["SnsTopicArns"] = new JsonArray("arn:aws:sns:us-east-1:123456789012:alarms"),
            ["IamRoleArn"] = "arn:aws:iam::123456789012:role/r",
            ["ConfigurationName"] = "secret-test-chime",
        }));
        answers.Append(await PostAsync(client, "/crowsnest/register-slack-workspace", new JsonObject
        {
            ["SlackTeamId"] = "T0SECRET1",
            ["SlackTeamName"] = "Acme",
            ["BotToken"] = BotToken,
            ["SigningSecret"] = SlackSigningSecret,
            ["AppToken"] = AppToken,
        }));
        answers.Append(await PostAsync(client, "/crowsnest/create-channel-configuration", new JsonObject
        {
            ["TargetType"] = "webhook",
            ["ConfigurationName"] = "secret-test-webhook",
            ["WebhookUrl"] = "https://hooks.example.test/in",
            ["SigningSecret"] = WebhookSecret,
            ["SnsTopicArns"] = new JsonArray("arn:aws:sns:us-east-1:123456789012:alarms"),
        }));
        answers.Append(await PostAsync(client, "/describe-chime-webhook-configurations", []));
        answers.Append(await PostAsync(client, "/describe-slack-workspaces", []));
        answers.Append(await PostAsync(client, "/crowsnest/list-channel-configurations", []));
        answers.Append(await PostAsync(client, "/crowsnest/query-audit-log", []));

        var database = ReadAll(directory, "crowsnest.db", "crowsnest.db-wal");
        Assert.Contains("secret-test-chime", database, StringComparison.Ordinal);
        Assert.Contains("secret-test-webhook", answers.ToString(), StringComparison.Ordinal);
        foreach (var secret in new[] { ChimeToken, BotToken, SlackSigningSecret, WebhookSecret, AppToken })
        {
            Assert.DoesNotContain(secret, database, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, answers.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, process.Output, StringComparison.Ordinal);
        }
    }

    private static async Task<string> PostAsync(HttpClient client, string path, JsonObject body)
    {
        using var response = await client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    private static string ReadAll(string directory, params string[] files)
    {
        var text = new StringBuilder();
        foreach (var file in files.Select(f => Path.Combine(directory, f)).Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            text.Append(Encoding.Latin1.GetString(memory.ToArray()));
        }
        return text.ToString();
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, CrowsnestProcess process)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            Assert.False(process.Process.HasExited, $"crowsnest exited: {process.Output}");
            await Task.Delay(100);
        }
        Assert.Fail($"crowsnest did not become healthy: {process.Output}");
    }

    [GeneratedRegex(@"cnt_CNTK[A-Z2-7]{16}_[A-Za-z0-9_-]+")]
    private static partial Regex BootstrapToken();
}
