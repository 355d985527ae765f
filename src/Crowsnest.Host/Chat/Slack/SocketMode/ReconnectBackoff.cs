namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>
/// How long to wait before the next connection attempt: none after a clean hand-over (Slack's <c>disconnect</c>),
/// then 1 s, 2 s, 4 s, ... up to the maximum, with ±20 % jitter so many instances do not reconnect in step.
/// </summary>
internal static class ReconnectBackoff
{
    public static TimeSpan For(int failures, TimeSpan max, double jitter01)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }
        var seconds = Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 30)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * Math.Clamp(jitter01, 0, 1))));
    }
}
