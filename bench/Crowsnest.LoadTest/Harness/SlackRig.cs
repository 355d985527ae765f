using System.Globalization;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.LoadTest.Harness;

/// <summary>
/// The Slack emulator (any channel id exists; per-channel limits as Slack documents them, the emulator's
/// workspace-wide limit opened up) and a <c>crowsnest serve</c> pointed at it with one Slack channel configuration
/// per topic, configured through the REST API.
/// </summary>
internal sealed class SlackRig : IAsyncDisposable
{
    private SlackRig(SlackEmulator slack, ServerProcess server)
    {
        Slack = slack;
        Server = server;
    }

    public SlackEmulator Slack { get; }

    public ServerProcess Server { get; }

    public static string Channel(int c) => string.Create(CultureInfo.InvariantCulture, $"C{c:D8}");

    public static async Task<SlackRig> StartAsync(Args args, string work, SnsPoster poster, int channels, int maxRecords)
    {
        var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions
        {
            AnyChannel = true,
            MaxRecords = maxRecords,
            Limits = new SlackLimits { WorkspacePostsPerSecond = 100_000, WorkspacePostsBurst = 100_000, TierMultiplier = 100 },
        });
        var environment = CrowsnestApi.Environment(new Dictionary<string, string>
        {
            ["CROWSNEST_DELIVERY__SLACKAPIURL"] = slack.ApiUrl.ToString(),
            // The emulator's workspace limit is lifted above, so Crowsnest's own guess at Slack's (50/s) is turned off
            // too: all channels share the emulator's one workspace, and the per-channel limit still applies.
            ["CROWSNEST_DELIVERY__RATELIMITS__SLACKWORKSPACE__PERSECOND"] = "0",
        });
        var server = ServerProcess.StartCrowsnest(args.HostDll, Path.Combine(work, "data"), FreePort.Next(), environment,
            "--sns-pinned-certificates", poster.PinnedDirectory);
        await server.WaitReadyAsync();
        using var api = new CrowsnestApi(server.BaseUrl);
        await api.RegisterSlackWorkspaceAsync(slack.Options.Workspace.TeamId, slack.BotToken);
        Console.WriteLine($"configuring {channels} Slack channel configurations through the API...");
        await CrowsnestApi.ManyAsync(channels, 8, c => api.CreateSlackChannelAsync(string.Create(CultureInfo.InvariantCulture, $"bench-{c}"),
            slack.Options.Workspace.TeamId, Channel(c), SnsPoster.Topic(c)));
        await Task.Delay(2000); // the configuration snapshot poll (0.5 s) picks the channels up
        return new SlackRig(slack, server);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
