using System.Security.Cryptography;
using System.Text;
using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>
/// Runs one <see cref="SocketModeConnection"/> per enabled workspace that has Socket Mode on and an app-level token,
/// and follows configuration changes: a new workspace connects, a removed or disabled one disconnects, a replaced
/// token reconnects (so a refused token is retried once it is fixed).
/// </summary>
internal sealed class SocketModeService(
    ConfigSnapshotSource snapshots,
    Func<string, string, SocketModeConnection> newConnection,
    ISlackInbound? inbound,
    SocketModeStatus status,
    ILogger<SocketModeService> logger) : BackgroundService
{
    private readonly Dictionary<string, (string TokenHash, CancellationTokenSource Stop, Task Run)> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        snapshots.Swapped += Signal;
        try
        {
            var warned = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                var wanted = Wanted(snapshots.Current);
                if (inbound is null)
                {
                    if (wanted.Count > 0 && !warned)
                    {
                        SocketModeLog.NoInbound(logger);
                        warned = true;
                    }
                    wanted.Clear();
                }
                Reconcile(wanted, stoppingToken);
                await _changed.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            snapshots.Swapped -= Signal;
            foreach (var team in _running.Keys.ToList())
            {
                await StopAsync(team);
            }
        }
    }

    private void Signal(ConfigSnapshot snapshot)
    {
        if (_changed.CurrentCount == 0)
        {
            try
            {
                _changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    private static Dictionary<string, string> Wanted(ConfigSnapshot snapshot) =>
        snapshot.SlackWorkspaces
            .Where(w => w.Document.SocketMode && w.Document.State == "ENABLED" && !string.IsNullOrEmpty(w.Secrets.AppToken))
            .ToDictionary(w => w.TeamId, w => w.Secrets.AppToken!, StringComparer.Ordinal);

    private void Reconcile(Dictionary<string, string> wanted, CancellationToken stoppingToken)
    {
        foreach (var (team, running) in _running.ToList())
        {
            if (!wanted.TryGetValue(team, out var token) || Hash(token) != running.TokenHash)
            {
                _ = StopAsync(team);
                status.Remove(team);
            }
        }
        foreach (var (team, token) in wanted)
        {
            if (_running.ContainsKey(team))
            {
                continue;
            }
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var connection = newConnection(team, token);
            _running[team] = (Hash(token), stop, Task.Run(() => RunAsync(connection, stop.Token), CancellationToken.None));
        }
    }

    private static async Task RunAsync(SocketModeConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by a configuration change or shutdown.
        }
    }

    private async Task StopAsync(string team)
    {
        if (!_running.Remove(team, out var running))
        {
            return;
        }
        await running.Stop.CancelAsync();
        await running.Run;
        running.Stop.Dispose();
    }

    // The connection is keyed by a hash of the token, so the token itself is not kept here.
    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
