using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Chat.Slack;
using Crowsnest.Host.Chat.Slack.SocketMode;
using Crowsnest.Host.Chat.Teams;
using Crowsnest.Host.Hosting;
using Crowsnest.Host.Workers;

namespace Crowsnest.Host.Chat;

/// <summary>The chat transports that are not plain HTTP endpoints of Slack: Slack Socket Mode and the Teams bot.</summary>
internal static class ChatTransports
{
    public static void AddChatTransports(this IServiceCollection services)
    {
        services.AddSingleton(sp => new BotFrameworkAuthenticator(
            sp.GetRequiredService<CrowsnestSettings>().Teams, sp.GetRequiredService<ChatHttp>().Client, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<CrowsnestSettings>().Teams;
            var http = sp.GetRequiredService<ChatHttp>().Client;
            return new TeamsResponder(http, new TeamsTokenSource(http, settings, sp.GetRequiredService<TimeProvider>()), settings.AppId ?? "");
        });
        services.AddSingleton<SocketModeStatus>();
        services.AddSingleton<ChatTransportMetrics>();
        services.AddHostedService(sp =>
        {
            var settings = sp.GetRequiredService<CrowsnestSettings>();
            var time = sp.GetRequiredService<TimeProvider>();
            var status = sp.GetRequiredService<SocketModeStatus>();
            sp.GetRequiredService<ChatTransportMetrics>(); // publishes the link gauge
            var inbound = settings.SocketMode.Enabled ? sp.GetService<ISlackInbound>() : null;
            var logger = sp.GetRequiredService<ILogger<SocketModeService>>();
            var apiBase = string.IsNullOrEmpty(settings.Delivery.SlackApiUrl)
                ? new Uri("https://slack.com/api/")
                : new Uri(settings.Delivery.SlackApiUrl.EndsWith('/') ? settings.Delivery.SlackApiUrl : settings.Delivery.SlackApiUrl + "/");
            var api = new SlackConnectionsApi(sp.GetRequiredService<ChatHttp>().Client, apiBase);
            var snapshots = sp.GetRequiredService<ConfigSnapshotSource>();
            return new SocketModeService(
                snapshots,
                (team, token) => new SocketModeConnection(team, token, api,
                    () => new SocketModeSession(team, inbound!, ServedBy(snapshots, token), status, time, logger), status, settings.SocketMode.MaxBackoff, time, logger),
                inbound,
                status,
                logger);
        });
    }

    /// <summary>The workspaces registered with this app-level token (one app may be installed in several).</summary>
    private static Func<string, bool> ServedBy(ConfigSnapshotSource snapshots, string appToken) => team =>
        snapshots.Current.SlackWorkspaces.Any(w => w.TeamId == team && w.Document.SocketMode && string.Equals(w.Secrets.AppToken, appToken, StringComparison.Ordinal));

    /// <summary>The Teams messaging endpoint, when a bot app id is configured.</summary>
    public static void MapChatTransports(WebApplication app)
    {
        if (app.Services.GetRequiredService<CrowsnestSettings>().Teams.Enabled)
        {
            TeamsBotEndpoint.Map(app);
        }
    }
}
