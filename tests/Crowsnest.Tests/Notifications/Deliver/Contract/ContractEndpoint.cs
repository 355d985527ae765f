using Crowsnest.Notifications.Deliver;
using Crowsnest.TestKit.Chime;
using Crowsnest.TestKit.Hosting;
using Crowsnest.TestKit.Slack;
using Crowsnest.TestKit.Teams;
using Crowsnest.TestKit.Webhooks;

namespace Crowsnest.Tests.Notifications.Deliver.Contract;

/// <summary>The emulator a contract test runs against, and a target pointing at it.</summary>
public sealed class ContractEndpoint : IAsyncDisposable
{
    public const string WebhookSecret = "contract-webhook-signing-secret";

    private readonly IAsyncDisposable _owner;

    private ContractEndpoint(EmulatorHost host, ChatTarget target, IAsyncDisposable owner, SlackEmulator? slack = null)
    {
        Host = host;
        Target = target;
        _owner = owner;
        Slack = slack;
    }

    public EmulatorHost Host { get; }

    public ChatTarget Target { get; }

    /// <summary>The Slack emulator, for Slack kinds.</summary>
    public SlackEmulator? Slack { get; }

    /// <summary>Every secret of the target, and the parts of its webhook URL that carry one.</summary>
    public IReadOnlyList<string> Secrets
    {
        get
        {
            var list = new List<string>();
            list.AddRange(new[] { Target.Token, Target.SigningSecret, Target.WebhookUrl }.Where(s => !string.IsNullOrEmpty(s))!);
            if (Target.WebhookUrl is { } url)
            {
                var uri = new Uri(url);
                list.Add(uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1]);
                list.AddRange(uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).Where(p => p.Length == 2 && p[0] is "sig" or "token").Select(p => p[1]));
            }
            return list;
        }
    }

    /// <summary>Starts the emulator for <paramref name="kind"/> on <paramref name="time"/>.</summary>
    public static async Task<ContractEndpoint> StartAsync(ChatTargetKind kind, TimeProvider time)
    {
        switch (kind)
        {
            case ChatTargetKind.SlackApi:
                {
                    var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { TimeProvider = time });
                    var target = new ChatTarget
                    {
                        Kind = kind,
                        WorkspaceId = slack.Options.Workspace.TeamId,
                        ChannelId = "C01ALERTS",
                        DisplayName = "#alerts",
                        Token = slack.BotToken,
                        ApiBaseUrl = slack.ApiUrl,
                    };
                    return new ContractEndpoint(slack.Host, target, slack, slack);
                }
            case ChatTargetKind.SlackWebhook:
                {
                    var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { TimeProvider = time });
                    var target = new ChatTarget { Kind = kind, DisplayName = "#alerts", WebhookUrl = slack.CreateIncomingWebhook("C01ALERTS").ToString() };
                    return new ContractEndpoint(slack.Host, target, slack, slack);
                }
            case ChatTargetKind.TeamsWebhook:
                {
                    var teams = await TeamsEmulator.StartAsync(new TeamsEmulatorOptions { TimeProvider = time });
                    return new ContractEndpoint(teams.Host, new ChatTarget { Kind = kind, WebhookUrl = teams.CreateWebhook().ToString() }, teams);
                }
            case ChatTargetKind.ChimeWebhook:
                {
                    var chime = await ChimeEmulator.StartAsync(new ChimeEmulatorOptions { TimeProvider = time });
                    return new ContractEndpoint(chime.Host, new ChatTarget { Kind = kind, WebhookUrl = chime.CreateWebhook().ToString() }, chime);
                }
            case ChatTargetKind.Webhook:
                {
                    var receiver = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { TimeProvider = time });
                    var target = new ChatTarget { Kind = kind, ChannelId = "contract", WebhookUrl = receiver.CreateEndpoint(WebhookSecret).ToString(), SigningSecret = WebhookSecret };
                    return new ContractEndpoint(receiver.Host, target, receiver);
                }
            default:
                throw new NotSupportedException($"{kind} has no HTTP emulator; its adapter is tested on its own.");
        }
    }

    public ValueTask DisposeAsync() => _owner.DisposeAsync();
}
