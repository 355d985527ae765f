using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.Api;

/// <summary>Keeps the configuration snapshot current: polls the store's change stamp and swaps in valid snapshots.</summary>
internal sealed partial class ConfigSnapshotWorker(ConfigSnapshotSource source, CrowsnestSettings settings, TimeProvider time, ILogger<ConfigSnapshotWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        source.RunAsync(settings.Api.SnapshotPollInterval, time, Report, e => LogStoreError(logger, e.Message), stoppingToken);

    private void Report(SnapshotRefresh refresh)
    {
        switch (refresh.Outcome)
        {
            case SnapshotRefreshOutcome.Swapped:
                LogSwapped(logger, refresh.Stamp, source.Current.Configurations.Count);
                break;
            case SnapshotRefreshOutcome.Rejected:
                LogRejected(logger, refresh.Stamp, string.Join(" | ", refresh.Errors));
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration snapshot {Stamp} in force: {Count} channel configurations.")]
    private static partial void LogSwapped(ILogger logger, long stamp, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Configuration snapshot {Stamp} rejected; the previous one stays in force: {Errors}")]
    private static partial void LogRejected(ILogger logger, long stamp, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration snapshot refresh failed: {Reason}")]
    private static partial void LogStoreError(ILogger logger, string reason);
}
