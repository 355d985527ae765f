using Crowsnest.Host.Hosting;
using Crowsnest.Notifications.Deliver;
using Crowsnest.Notifications.Process;
using Crowsnest.Storage;

namespace Crowsnest.Host.Workers;

/// <summary>Leases received notifications and turns them into deliveries, until stopped.</summary>
internal sealed class ProcessingWorker(NotificationProcessor processor, IStore store, WorkerIdentity identity, CrowsnestSettings settings, TimeProvider time,
    ILogger<ProcessingWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => settings.Delivery.Enabled
        ? WorkerLog.LoopAsync(logger, "processing", ct => processor.RunOnceAsync(identity.Owner, 100, ct), store.Signals.Received, settings.Delivery.PollInterval, time, stoppingToken)
        : Task.CompletedTask;
}

/// <summary>Runs delivery passes (<c>Delivery:Loops</c> at once) until stopped.</summary>
internal sealed class DeliveryLoopWorker(DeliveryWorker worker, IStore store, WorkerIdentity identity, CrowsnestSettings settings, TimeProvider time,
    ILogger<DeliveryLoopWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => settings.Delivery.Enabled
        // Each loop leases under its own name, so a loop whose pass failed can take its own leases back at once.
        ? Task.WhenAll(Enumerable.Range(0, settings.Delivery.Loops).Select(loop =>
            WorkerLog.LoopAsync(logger, "delivery", ct => worker.RunOnceAsync($"{identity.Owner}/{loop}", ct), store.Signals.DeliveriesDue, settings.Delivery.PollInterval, time, stoppingToken)))
        : Task.CompletedTask;
}

/// <summary>The workers' loop and log lines (secret-free: reasons come from the classifier and are redacted).</summary>
internal static partial class WorkerLog
{
    /// <summary>Runs passes back to back while they find work; when one finds none, waits for <paramref name="wake"/> or <paramref name="idle"/>.</summary>
    public static async Task LoopAsync(ILogger logger, string name, Func<CancellationToken, Task<int>> pass, WorkSignal wake, TimeSpan idle, TimeProvider time,
        CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woken = wake.Arm();
                if (await pass(stoppingToken) > 0)
                {
                    continue;
                }
                // The poll still runs: other instances' commits and retries coming due raise no signal here.
                await woken.WaitAsync(idle, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException e)
            {
                StoreDown(logger, name, e.Message);
                await DelayQuietlyAsync(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
#pragma warning disable CA1031 // A worker must outlive a bug in one pass; the bug is logged with its stack.
            catch (Exception e)
#pragma warning restore CA1031
            {
                PassFailed(logger, name, e);
                await DelayQuietlyAsync(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    public static void Outcome(ILogger logger, DeliveryOutcome outcome)
    {
        switch (outcome.Outcome)
        {
            case "dead":
                DeadLettered(logger, outcome.DeliveryId, outcome.TargetKey, outcome.Detail ?? "");
                break;
            case "retry":
                Retrying(logger, outcome.DeliveryId, outcome.TargetKey, outcome.Detail ?? "");
                break;
            case "lease-lost":
                LeaseLost(logger, outcome.DeliveryId, outcome.TargetKey);
                break;
            default:
                Delivered(logger, outcome.DeliveryId, outcome.TargetKey, outcome.Outcome);
                break;
        }
    }

    private static async Task DelayQuietlyAsync(TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker} worker: store unavailable ({Reason}); retrying")]
    private static partial void StoreDown(ILogger logger, string worker, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} worker: a pass failed")]
    private static partial void PassFailed(ILogger logger, string worker, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to {Target} dead-lettered: {Reason}")]
    private static partial void DeadLettered(ILogger logger, long deliveryId, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} to {Target} will be retried: {Reason}")]
    private static partial void Retrying(ILogger logger, long deliveryId, string target, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to {Target}: lease lost to another worker")]
    private static partial void LeaseLost(ILogger logger, long deliveryId, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alarm charts are unavailable: {Reason}")]
    public static partial void ChartsUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} to {Target}: {Outcome}")]
    private static partial void Delivered(ILogger logger, long deliveryId, string target, string outcome);
}
