using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.LoadTest.Harness;

/// <summary>Configures a running Crowsnest through its REST API with the bootstrap token (as an operator would).</summary>
internal sealed class CrowsnestApi(Uri baseUrl) : IDisposable
{
    public const string BootstrapToken = "cnt_bench_bootstrap_token_0123456789";
    public const string SlackSigningSecret = "0123456789abcdef0123456789abcdef";

    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Settings every bench instance gets: the bootstrap token and a fast configuration snapshot poll.</summary>
    public static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["CROWSNEST_API__BOOTSTRAPTOKEN"] = BootstrapToken,
            ["CROWSNEST_API__SNAPSHOTPOLLINTERVAL"] = "00:00:00.500",
            ["CROWSNEST_DELIVERY__POLLINTERVAL"] = "00:00:00.050",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string>())
        {
            environment[k] = v;
        }
        return environment;
    }

    public Task RegisterSlackWorkspaceAsync(string teamId, string botToken) => CallAsync("/crowsnest/register-slack-workspace", new JsonObject
    {
        ["SlackTeamId"] = teamId,
        ["SlackTeamName"] = "bench",
        ["BotToken"] = botToken,
        ["SigningSecret"] = SlackSigningSecret,
    });

    public Task CreateSlackChannelAsync(string name, string teamId, string channelId, string topic) => CallAsync("/crowsnest/create-channel-configuration", new JsonObject
    {
        ["ConfigurationName"] = name,
        ["TargetType"] = "slack-channel",
        ["SlackTeamId"] = teamId,
        ["SlackChannelId"] = channelId,
        ["SlackChannelName"] = name,
        ["IamRoleArn"] = "arn:aws:iam::123456789012:role/bench",
        ["SnsTopicArns"] = new JsonArray(topic),
    });

    /// <summary>A Slack channel configuration for chat commands: a real channel role and guardrails, no topics.</summary>
    public Task CreateSlackCommandChannelAsync(string name, string teamId, string channelId, string roleArn, string guardrailArn) =>
        CallAsync("/crowsnest/create-channel-configuration", new JsonObject
        {
            ["ConfigurationName"] = name,
            ["TargetType"] = "slack-channel",
            ["SlackTeamId"] = teamId,
            ["SlackChannelId"] = channelId,
            ["SlackChannelName"] = name,
            ["IamRoleArn"] = roleArn,
            ["GuardrailPolicyArns"] = new JsonArray(guardrailArn),
        });

    public Task CreateWebhookAsync(string name, Uri url, string topic, string? signingSecret = null)
    {
        var input = new JsonObject
        {
            ["ConfigurationName"] = name,
            ["TargetType"] = "webhook",
            ["WebhookUrl"] = url.ToString(),
            ["SnsTopicArns"] = new JsonArray(topic),
        };
        if (signingSecret is not null)
        {
            input["SigningSecret"] = signingSecret;
        }
        return CallAsync("/crowsnest/create-channel-configuration", input);
    }

    /// <summary>Creates many configurations with a few requests in flight at once.</summary>
    public static async Task ManyAsync(int count, int parallel, Func<int, Task> create)
    {
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await create(i);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private async Task CallAsync(string path, JsonObject input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(input.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BootstrapToken);
        using var answer = await _http.SendAsync(request);
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => _http.Dispose();
}
