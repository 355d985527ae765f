using Crowsnest.Host.Api;
using Crowsnest.Host.Api.Auth;
using Crowsnest.Host.Chat;
using Crowsnest.Host.WebConsole;
using Prometheus;

namespace Crowsnest.Host.Endpoints;

/// <summary>Every HTTP endpoint of the service, mapped here explicitly.</summary>
internal static class EndpointMap
{
    public static void MapAll(WebApplication app)
    {
        app.UseApiAuthentication();
        HealthEndpoints.Map(app);
        ApiEndpoints.Map(app);
        ConsoleEndpoints.Map(app);
        SnsEndpoint.Map(app);
        SourceEndpoints.Map(app);
        Chat.Slack.SlackEndpoints.Map(app);
        ChatTransports.MapChatTransports(app);
        app.MapMetrics("/metrics");
    }
}
