using System.Diagnostics.Metrics;
using Crowsnest.Diagnostics;
using Crowsnest.Host.Chat.Slack.SocketMode;

namespace Crowsnest.Host.Chat;

/// <summary>Socket Mode links by state, and Teams activities by outcome, on Crowsnest's meter.</summary>
internal sealed class ChatTransportMetrics
{
    public ChatTransportMetrics(CrowsnestMetrics metrics, SocketModeStatus status)
    {
        metrics.Meter.CreateObservableGauge("slack_socket_mode_links", () => Links(status), description: "Slack Socket Mode links of this instance, by state.");
        TeamsActivities = metrics.Meter.CreateCounter<long>("teams_activities", description: "Teams activities received, by outcome (accepted, ignored, refused, busy).");
    }

    public Counter<long> TeamsActivities { get; }

    public void Teams(string outcome) => TeamsActivities.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static IEnumerable<Measurement<int>> Links(SocketModeStatus status) =>
        Enum.GetValues<SocketModeState>().Select(state =>
            new Measurement<int>(status.Links.Values.Count(l => l.State == state), new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant())));
}
