namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>
/// Keeps one workspace connected: <c>apps.connections.open</c> for a fresh URL, a <see cref="SocketModeSession"/>
/// on it, and again — at once after Slack's <c>disconnect</c>, with backoff after failures. A refused app token
/// stops the loop (retrying cannot help); the service starts a new one when the token changes.
/// </summary>
internal sealed class SocketModeConnection(
    string teamId,
    string appToken,
    SlackConnectionsApi api,
    Func<SocketModeSession> newSession,
    SocketModeStatus status,
    TimeSpan maxBackoff,
    TimeProvider time,
    ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        Set(SocketModeState.Connecting, null);
        while (!cancellationToken.IsCancellationRequested)
        {
            var open = await api.OpenAsync(appToken, cancellationToken);
            if (open.Refused)
            {
                Set(SocketModeState.Refused, open.Error);
                SocketModeLog.Refused(logger, teamId, open.Error!);
                return;
            }
            var end = open.Url is null
                ? new SessionEnd(false, false, $"apps.connections.open: {open.Error}")
                : await newSession().RunAsync(open.Url, cancellationToken);
            failures = end.Greeted ? (end.HandedOver ? 0 : 1) : failures + 1;
            var delay = ReconnectBackoff.For(failures, maxBackoff, Random.Shared.NextDouble());
            if (open.RetryAfter is { } retryAfter && retryAfter > delay)
            {
                delay = retryAfter;
            }
            Set(SocketModeState.Reconnecting, end.Problem);
            if (delay > TimeSpan.Zero)
            {
                SocketModeLog.Lost(logger, teamId, end.Problem, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private void Set(SocketModeState state, string? problem) =>
        status.Set(teamId, current => new SocketModeLink(state, problem, time.GetUtcNow(), current?.Connections ?? 0, current?.Envelopes ?? 0));
}
