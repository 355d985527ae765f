using System.CommandLine;
using Crowsnest.TestKit.Chime;
using Crowsnest.TestKit.Hosting;
using Crowsnest.TestKit.Slack;
using Crowsnest.TestKit.Teams;
using Crowsnest.TestKit.Webhooks;

namespace Crowsnest.TestKit.Cli;

/// <summary>
/// <c>dotnet run --project tests/Crowsnest.TestKit -- slack|teams|chime|webhook|all --port N …</c>: runs emulators as a
/// process for the demo and the benchmarks until Ctrl+C. Prints the URLs (and the emulator's own test credentials).
/// </summary>
internal static class EmulatorCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var common = new CommonOptions();
        var anyChannel = new Option<bool>("--any-channel") { Description = "Slack: any C…/G… channel id exists with the bot as member" };
        var channels = new Option<string[]>("--channel") { Description = "Slack: ID:NAME of a channel to create (repeatable)" };
        var token = new Option<string?>("--token") { Description = "Slack: the bot token to accept" };
        var noLimits = new Option<bool>("--no-rate-limits") { Description = "Turn platform rate limits off" };
        var channelBurst = new Option<int>("--channel-burst") { Description = "Slack: chat.postMessage burst per channel", DefaultValueFactory = _ => 5 };
        var tierMultiplier = new Option<double>("--tier-multiplier") { Description = "Slack: multiply the method tiers' per-minute limits", DefaultValueFactory = _ => 1 };
        var slackWebhooks = new Option<string[]>("--webhook") { Description = "Slack: create an incoming webhook for this channel id (repeatable)" };
        var hooks = new Option<int>("--hooks") { Description = "Teams/Chime/webhook: how many webhooks to create and print", DefaultValueFactory = _ => 1 };
        var anyHook = new Option<bool>("--any-webhook") { Description = "Teams/Chime/webhook: accept any webhook id without credentials" };
        var secret = new Option<string?>("--secret") { Description = "webhook: HMAC secret the created hooks require" };

        var root = new RootCommand("Crowsnest chat-platform emulators (127.0.0.1 only)");
        Command Make(string name, string description, params Option[] extra)
        {
            var command = new Command(name, description);
            common.AddTo(command);
            foreach (var option in extra)
            {
                command.Options.Add(option);
            }
            root.Subcommands.Add(command);
            return command;
        }

        var slack = Make("slack", "Slack Web API + incoming webhooks", anyChannel, channels, token, noLimits, channelBurst, tierMultiplier, slackWebhooks);
        var teams = Make("teams", "Microsoft Teams Workflows webhooks", hooks, anyHook, noLimits);
        var chime = Make("chime", "Amazon Chime incoming webhooks", hooks, anyHook, noLimits);
        var webhook = Make("webhook", "Generic webhook receiver with HMAC verification", hooks, anyHook, secret);
        var all = Make("all", "Every emulator on one port", anyChannel, channels, token, noLimits, channelBurst, tierMultiplier, slackWebhooks, hooks, anyHook, secret);

        SlackModule SlackOf(ParseResult r, EmulatorOptions b)
        {
            var ws = new SlackWorkspace();
            var extra = (r.GetValue(channels) ?? []).Select(c => c.Split(':', 2)).Select(p => new SlackChannelSpec(p[0], p.Length > 1 ? p[1] : p[0].ToLowerInvariant()));
            return new SlackModule(new SlackEmulatorOptions
            {
                Port = b.Port,
                Faults = b.Faults,
                Seed = b.Seed,
                ConsoleLogLevel = b.ConsoleLogLevel,
                Workspace = r.GetValue(token) is { } t ? ws with { BotToken = t } : ws,
                Channels = [.. SlackChannelSpec.Defaults, .. extra],
                AnyChannel = r.GetValue(anyChannel),
                Limits = new SlackLimits { Enabled = !r.GetValue(noLimits), ChannelBurst = r.GetValue(channelBurst), TierMultiplier = r.GetValue(tierMultiplier) },
            });
        }
        TeamsModule TeamsOf(ParseResult r, EmulatorOptions b) => new(new TeamsEmulatorOptions
        {
            Port = b.Port,
            Faults = b.Faults,
            Seed = b.Seed,
            ConsoleLogLevel = b.ConsoleLogLevel,
            AcceptAnyWebhook = r.GetValue(anyHook),
            RateLimitsEnabled = !r.GetValue(noLimits),
        });
        ChimeModule ChimeOf(ParseResult r, EmulatorOptions b) => new(new ChimeEmulatorOptions
        {
            Port = b.Port,
            Faults = b.Faults,
            Seed = b.Seed,
            ConsoleLogLevel = b.ConsoleLogLevel,
            AcceptAnyWebhook = r.GetValue(anyHook),
            RateLimitsEnabled = !r.GetValue(noLimits),
        });
        WebhookReceiverModule WebhookOf(ParseResult r, EmulatorOptions b) => new(new WebhookReceiverOptions
        {
            Port = b.Port,
            Faults = b.Faults,
            Seed = b.Seed,
            ConsoleLogLevel = b.ConsoleLogLevel,
            AcceptAnyPath = r.GetValue(anyHook),
        });

        void Print(EmulatorHost host, ParseResult r)
        {
            Console.WriteLine($"listening {host.BaseUrl} (control: {host.BaseUrl}_emulator/status)");
            foreach (var module in host.Modules)
            {
                switch (module)
                {
                    case SlackModule s:
                        Console.WriteLine($"slack api {host.BaseUrl}api/ token {s.Options.Workspace.BotToken} team {s.Options.Workspace.TeamId}");
                        Console.WriteLine($"slack channels {string.Join(' ', s.Options.Channels.Select(c => $"{c.Id}:{c.Name}"))}{(s.Options.AnyChannel ? " (+ any C…/G… id)" : "")}");
                        foreach (var c in r.GetValue(slackWebhooks) ?? [])
                        {
                            Console.WriteLine($"slack webhook {c} {s.CreateIncomingWebhook(host.BaseUrl, c)}");
                        }
                        break;
                    case TeamsModule t:
                        for (var i = 0; i < r.GetValue(hooks); i++)
                        {
                            Console.WriteLine($"teams webhook {t.CreateWebhook(host.BaseUrl)}");
                        }
                        break;
                    case ChimeModule c:
                        for (var i = 0; i < r.GetValue(hooks); i++)
                        {
                            Console.WriteLine($"chime webhook {c.CreateWebhook(host.BaseUrl)}");
                        }
                        break;
                    case WebhookReceiverModule w:
                        for (var i = 0; i < r.GetValue(hooks); i++)
                        {
                            Console.WriteLine($"webhook {w.CreateEndpoint(host.BaseUrl, r.GetValue(secret))}");
                        }
                        break;
                    default:
                        break;
                }
            }
        }

        async Task<int> Run(ParseResult r, CancellationToken ct, Func<EmulatorOptions, IReadOnlyList<IEmulatorModule>> modules)
        {
            var start = DateTimeOffset.UtcNow;
            var b = new EmulatorOptions
            {
                Port = r.GetValue(common.Port),
                Faults = common.Faults(r, start),
                Seed = r.GetValue(common.Seed),
                ConsoleLogLevel = common.LogLevel(r),
            };
            var list = modules(b);
            await using var host = await EmulatorHost.StartAsync(b, list, ct);
            Print(host, r);
            if (r.GetValue(common.ReadyFile) is { } file)
            {
                // Written then renamed, so a script polling for the file never reads it half-written.
                await File.WriteAllTextAsync(file + ".tmp", host.BaseUrl.ToString(), ct);
                File.Move(file + ".tmp", file, overwrite: true);
            }
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        }

        slack.SetAction((r, ct) => Run(r, ct, b => [SlackOf(r, b)]));
        teams.SetAction((r, ct) => Run(r, ct, b => [TeamsOf(r, b)]));
        chime.SetAction((r, ct) => Run(r, ct, b => [ChimeOf(r, b)]));
        webhook.SetAction((r, ct) => Run(r, ct, b => [WebhookOf(r, b)]));
        all.SetAction((r, ct) => Run(r, ct, b => [SlackOf(r, b), TeamsOf(r, b), ChimeOf(r, b), WebhookOf(r, b)]));
        return root.Parse(args).InvokeAsync();
    }
}
