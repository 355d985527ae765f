using Crowsnest.Configuration.Snapshot;
using Crowsnest.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crowsnest.Host.Workers;

/// <summary>
/// The live configuration snapshot the workers route with. Kept apart so that the control plane's own registration
/// (which also refreshes it) replaces this one on merge: both use TryAdd.
/// </summary>
internal static class SnapshotRegistration
{
    public static void AddConfigSnapshot(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ConfigSnapshotSource(sp.GetRequiredService<IStore>().Resources));
        services.AddHostedService<SnapshotRefreshWorker>();
    }
}

/// <summary>Reloads the snapshot when the store's change stamp moves (once a second).</summary>
internal sealed partial class SnapshotRefreshWorker(ConfigSnapshotSource source, TimeProvider time, ILogger<SnapshotRefreshWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        source.RunAsync(TimeSpan.FromSeconds(1), time, refresh =>
        {
            if (refresh.Errors.Count > 0)
            {
                LogRejected(logger, string.Join("; ", refresh.Errors));
            }
        }, e => LogFailed(logger, e), stoppingToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration snapshot not swapped: {Errors}")]
    private static partial void LogRejected(ILogger logger, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration snapshot refresh failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
