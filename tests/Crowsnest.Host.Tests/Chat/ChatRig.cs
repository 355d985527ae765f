using System.Text.Json.Nodes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Crowsnest.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;
using SlackLimits = Crowsnest.TestKit.Slack.SlackLimits;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// The service with the Slack emulator as Slack's Web API and moto as AWS: a channel role and a guardrail created in
/// moto's IAM, a Slack configuration for #alerts, and a sender that signs Slack's deliveries.
/// </summary>
public class ChatRig : IAsyncLifetime
{
    public const string Channel = "C01ALERTS";
    public const string Alice = "U01ALICE";
    public const string Bob = "U02BOB";
    public const string SigningSecret = "0123456789abcdef0123456789abcdef";
    public const string BootstrapToken = "chat-bootstrap-token-0123456789";

    private static readonly CommandParser Parser = new(ServiceCatalog.OpenDefault());

    public SlackEmulator Slack { get; private set; } = null!;

    internal TestHost Host { get; private set; } = null!;

    public SlackEventSender Sender { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Moto { get; private set; } = "";

    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..8];

    public string RoleArn { get; private set; } = "";

    public string GuardrailArn { get; private set; } = "";

    public string ConfigurationArn { get; private set; } = "";

    public Uri Events => new(Host.BaseUrl + "/slack/events");

    public Uri Interactivity => new(Host.BaseUrl + "/slack/interactivity");

    public Uri Commands => new(Host.BaseUrl + "/slack/commands");

    public virtual async Task InitializeAsync()
    {
        Moto = await MotoServer.SharedUrlAsync();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        RoleArn = (await AwsAsync($"iam create-role --role-name chat-{Suffix} --assume-role-policy-document "
            + """'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}'""", "Role.Arn"))!;
        await AwsAsync($"iam put-role-policy --role-name chat-{Suffix} --policy-name cloudwatch-all --policy-document "
            + """'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudwatch:*","Resource":"*"}]}'""", null);
        GuardrailArn = (await AwsAsync($"iam create-policy --policy-name guard-{Suffix} --policy-document "
            + """'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudwatch:*","Resource":"*"},{"Sid":"DenyDeletes","Effect":"Deny","Action":"cloudwatch:DeleteAlarms","Resource":"*"}]}'""",
            "Policy.Arn"))!;

        Slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { Limits = new SlackLimits { Enabled = false } });
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:SlackApiUrl"] = Slack.ApiUrl.ToString(),
            ["Commands:AwsEndpointUrl"] = Moto,
            ["Commands:Region"] = "us-east-1",
            ["Api:SnapshotPollInterval"] = "00:00:00.200",
            ["Api:BootstrapToken"] = BootstrapToken,
            // One worker runs chat work in arrival order, so an answered later request proves that the earlier ones are done.
            ["Commands:Workers"] = "1",
        };
        foreach (var (key, value) in await MoreSettingsAsync())
        {
            settings[key] = value;
        }
        Host = await TestHost.StartAsync(settings);
        var team = Slack.Options.Workspace.TeamId;
        await CreateAsync(TestConfigurations.SlackWorkspace(team, Slack.BotToken));
        ConfigurationArn = await AddSlackConfigurationAsync(team, $"ops-{Suffix}");
        await Eventually.WaitAsync(() => Task.FromResult(Host.App.Services.GetRequiredService<ConfigSnapshotSource>().Current.Configurations.Count),
            n => n == 1, TimeSpan.FromSeconds(20), "the configuration snapshot");
        Sender = new SlackEventSender(Http, SigningSecret, TimeProvider.System, Slack.Options.Workspace);
    }

    /// <summary>A configuration for #alerts of <paramref name="team"/> with the rig's role and guardrail; returns its ARN.</summary>
    public async Task<string> AddSlackConfigurationAsync(string team, string name)
    {
        var document = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = TestConfigurations.Arn("slack-channel", name),
            ConfigurationName = name,
            TargetType = TargetTypes.SlackChannel,
            SlackTeamId = team,
            SlackChannelId = Channel,
            SlackChannelName = "alerts",
            IamRoleArn = RoleArn,
            GuardrailPolicyArns = [GuardrailArn],
        };
        await CreateAsync(new ResourceRecord(ResourceKinds.Configuration, document.ChatConfigurationArn, document.ConfigurationName,
            ConfigurationJson.Write(document), null, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        return document.ChatConfigurationArn;
    }

    /// <summary>Settings a derived rig adds (another platform's emulator), read before the service starts.</summary>
    protected virtual Task<Dictionary<string, string?>> MoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
    }

    /// <summary>A user's message mentioning the bot in #alerts, delivered as Slack would; returns its ts (the reply thread).</summary>
    public async Task<(string Ts, HttpResponseMessage Response, JsonObject Body)> MentionAsync(string user, string text)
    {
        var (ts, body) = Mention(user, text);
        return (ts, await Sender.SendEventAsync(Events, body), body);
    }

    /// <summary>A plain reply in a thread (no mention), as a <c>message</c> event.</summary>
    public Task<HttpResponseMessage> ThreadReplyAsync(string user, string threadTs, string text) => Sender.SendEventAsync(Events, ThreadReply(user, threadTs, text));

    /// <summary>A button press on a bot message, as a <c>block_actions</c> payload.</summary>
    public Task<HttpResponseMessage> PressAsync(string user, SlackMessageView message, string actionId, string value) =>
        Sender.SendInteractionAsync(Interactivity, Press(user, message.Ts, message.ThreadTs, actionId, value));

    /// <summary>The <c>app_mention</c> callback for a user's message, seeded in the emulator as its thread root.</summary>
    public (string Ts, JsonObject Body) Mention(string user, string text)
    {
        var seeded = Slack.State.Seed(Channel, $"<@{Slack.Options.Workspace.BotUserId}> {text}", user);
        var body = Sender.AppMention(Channel, user, text);
        body["event"]!["ts"] = seeded.Ts;
        body["event"]!["event_ts"] = seeded.Ts;
        return (seeded.Ts, body);
    }

    /// <summary>The <c>message</c> callback for a plain reply in a thread, seeded in the emulator.</summary>
    public JsonObject ThreadReply(string user, string threadTs, string text)
    {
        var seeded = Slack.State.Seed(Channel, text, user, threadTs);
        return new JsonObject
        {
            ["team_id"] = Slack.Options.Workspace.TeamId,
            ["api_app_id"] = Slack.Options.Workspace.AppId,
            ["type"] = "event_callback",
            ["event_id"] = "EvReply" + seeded.Ts.Replace(".", "", StringComparison.Ordinal),
            ["event"] = new JsonObject
            {
                ["type"] = "message",
                ["user"] = user,
                ["text"] = text,
                ["ts"] = seeded.Ts,
                ["thread_ts"] = threadTs,
                ["channel"] = Channel,
                ["channel_type"] = "channel",
            },
            ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = Slack.Options.Workspace.BotUserId, ["is_bot"] = true }),
        };
    }

    /// <summary>The <c>block_actions</c> payload of a button press on the bot message <paramref name="ts"/>.</summary>
    public JsonObject Press(string user, string ts, string? threadTs, string actionId, string value) => new()
    {
        ["type"] = "block_actions",
        ["api_app_id"] = Slack.Options.Workspace.AppId,
        ["team"] = new JsonObject { ["id"] = Slack.Options.Workspace.TeamId },
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Slack.Options.Workspace.TeamId },
        ["channel"] = new JsonObject { ["id"] = Channel },
        ["message"] = new JsonObject { ["ts"] = ts, ["thread_ts"] = threadTs },
        ["trigger_id"] = Guid.NewGuid().ToString("N"),
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["action_ts"] = "1" }),
    };

    /// <summary>The bot's messages in a thread (replies only), once there are at least <paramref name="count"/>.</summary>
    public Task<List<SlackMessageView>> BotRepliesAsync(string threadTs, int count) =>
        Eventually.WaitAsync(() => Task.FromResult(BotReplies(threadTs)), r => r.Count >= count, TimeSpan.FromSeconds(30), $"{count} bot replies in {threadTs}");

    public List<SlackMessageView> BotReplies(string threadTs) =>
        [.. Slack.State.Thread(Channel, threadTs).Where(m => m.BotId is not null && m.Ts != threadTs)];

    /// <summary>Runs a command against moto with the test's own credentials (setup and checks).</summary>
    public async Task<string?> AwsAsync(string command, string? path)
    {
        var parsed = Assert.IsType<ParseResult.Parsed>(Parser.Parse(command));
        using var http = new HttpClient();
        var invoker = new AwsInvoker(http, new AwsInvokerOptions
        {
            Endpoints = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = Moto } },
        });
        var result = await invoker.InvokeAsync(parsed.Call, new AwsCredentials("testing", "testing"), CancellationToken.None);
        var success = Assert.IsType<AwsResult.Success>(result);
        JsonNode? node = success.Output;
        foreach (var part in (path ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[part];
        }
        return path is null ? success.Output.ToJsonString() : node?.GetValue<string>();
    }

    public async Task CreateAsync(ResourceRecord record) =>
        Assert.Equal(ResourceWriteResult.Ok, await Host.Store.Resources.CreateAsync(record, CancellationToken.None));
}

/// <summary>Text of a Slack message for assertions: its blocks, attachments and fallback text.</summary>
internal static class SlackText
{
    public static string Of(SlackMessageView m) => $"{m.Text}\n{m.BlocksJson}\n{m.AttachmentsJson}";
}
