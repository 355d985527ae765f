using System.Diagnostics;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.LoadTest.Harness;

/// <summary>
/// <c>crowsnest serve</c> with the Slack emulator as Slack and moto as AWS: a channel role and a guardrail created in
/// moto's IAM (with the AWS CLI), the workspace (with its signing secret) and a command channel configured through the
/// REST API, and a sender that signs <c>app_mention</c> events as Slack does.
/// </summary>
internal sealed class ChatRig : IAsyncDisposable
{
    public const string Channel = "C01ALERTS";
    public const string User = "U01ALICE";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SlackEventSender _sender;

    private ChatRig(SlackEmulator slack, ServerProcess server)
    {
        Slack = slack;
        Server = server;
        _sender = new SlackEventSender(_http, CrowsnestApi.SlackSigningSecret, TimeProvider.System, slack.Options.Workspace);
    }

    public SlackEmulator Slack { get; }

    public ServerProcess Server { get; }

    public static async Task<ChatRig> StartAsync(Args args, string work, Uri moto)
    {
        var endpoint = moto.ToString();
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}""";
        const string Allow = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudwatch:*","Resource":"*"}]}""";
        await MustAsync("iam", "create-role", "--role-name", "bench-chat", "--assume-role-policy-document", Trust, "--endpoint-url", endpoint);
        await MustAsync("iam", "put-role-policy", "--role-name", "bench-chat", "--policy-name", "cloudwatch-all", "--policy-document", Allow, "--endpoint-url", endpoint);
        await MustAsync("iam", "create-policy", "--policy-name", "bench-guard", "--policy-document", Allow, "--endpoint-url", endpoint);
        // moto's default account; its ARNs are predictable.
        const string RoleArn = "arn:aws:iam::123456789012:role/bench-chat";
        const string GuardrailArn = "arn:aws:iam::123456789012:policy/bench-guard";

        var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { Limits = new SlackLimits { Enabled = false } });
        var environment = CrowsnestApi.Environment(new Dictionary<string, string>
        {
            ["CROWSNEST_DELIVERY__SLACKAPIURL"] = slack.ApiUrl.ToString(),
            ["CROWSNEST_COMMANDS__AWSENDPOINTURL"] = endpoint,
            ["CROWSNEST_COMMANDS__REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
        });
        var server = ServerProcess.StartCrowsnest(args.HostDll, Path.Combine(work, "data"), FreePort.Next(), environment);
        await server.WaitReadyAsync();
        using var api = new CrowsnestApi(server.BaseUrl);
        await api.RegisterSlackWorkspaceAsync(slack.Options.Workspace.TeamId, slack.BotToken);
        await api.CreateSlackCommandChannelAsync("bench-commands", slack.Options.Workspace.TeamId, Channel, RoleArn, GuardrailArn);
        await Task.Delay(2000); // the configuration snapshot poll (0.5 s) picks the channel up
        return new ChatRig(slack, server);
    }

    /// <summary>
    /// Sends a signed <c>app_mention</c> for <paramref name="command"/> and waits for the bot's first reply in its thread;
    /// returns the milliseconds from sending to that reply and its text (blocks included), or null if none came within
    /// <paramref name="timeout"/>.
    /// </summary>
    public async Task<(double Ms, string Text)?> CommandAsync(string command, TimeSpan timeout)
    {
        var seeded = Slack.State.Seed(Channel, $"<@{Slack.Options.Workspace.BotUserId}> {command}", User);
        var body = _sender.AppMention(Channel, User, command);
        body["event"]!["ts"] = seeded.Ts;
        body["event"]!["event_ts"] = seeded.Ts;
        var clock = Stopwatch.StartNew();
        using (var answer = await _sender.SendEventAsync(new Uri(Server.BaseUrl, "slack/events"), body))
        {
            if (!answer.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /slack/events answered {(int)answer.StatusCode}");
            }
        }
        while (clock.Elapsed < timeout)
        {
            if (Slack.State.Thread(Channel, seeded.Ts).FirstOrDefault(m => m.BotId is not null && m.Ts != seeded.Ts) is { } reply)
            {
                return (clock.Elapsed.TotalMilliseconds, $"{reply.Text}\n{reply.BlocksJson}");
            }
            await Task.Delay(1);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
        await Slack.DisposeAsync();
    }

    private static async Task MustAsync(params string[] arguments)
    {
        var (exit, error) = await AwsCli.RunAsync([.. arguments, "--region", "us-east-1", "--output", "json"]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments.Take(2))} exited with {exit}: {error}");
        }
    }
}
