using System.Collections.Concurrent;

namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>Where one workspace's Socket Mode link stands.</summary>
internal enum SocketModeState
{
    Connecting = 0,
    Connected,
    Reconnecting,

    /// <summary>Slack refused the app-level token; nothing is retried until the workspace's token changes.</summary>
    Refused,
    Stopped,
}

/// <summary>One workspace's link: its state, the last problem (a Slack error code, never a token) and counters.</summary>
internal sealed record SocketModeLink(SocketModeState State, string? Problem, DateTimeOffset Since, int Connections, long Envelopes);

/// <summary>The Socket Mode links of this instance, by Slack team id (for the log, the health view and tests).</summary>
internal sealed class SocketModeStatus
{
    private readonly ConcurrentDictionary<string, SocketModeLink> _links = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<string, SocketModeLink> Links => _links;

    public SocketModeLink? Of(string teamId) => _links.GetValueOrDefault(teamId);

    public void Set(string teamId, Func<SocketModeLink?, SocketModeLink> change)
    {
        _links.AddOrUpdate(teamId, _ => change(null), (_, current) => change(current));
        Changed();
    }

    public void Remove(string teamId)
    {
        _links.TryRemove(teamId, out _);
        Changed();
    }

    /// <summary>Completes when <paramref name="condition"/> holds for the team's link (checked on every change).</summary>
    public async Task<SocketModeLink> WaitAsync(string teamId, Func<SocketModeLink, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }
            if (Of(teamId) is { } link && condition(link))
            {
                return link;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Changed()
    {
        lock (_gate)
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
