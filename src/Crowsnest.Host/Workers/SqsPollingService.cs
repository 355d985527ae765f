using Crowsnest.Host.Hosting;
using Crowsnest.Notifications.Ingest.Sqs;

namespace Crowsnest.Host.Workers;

/// <summary>One long-polling worker per configured SQS queue (<c>Sqs:Queues</c>).</summary>
internal sealed class SqsPollingService(CrowsnestSettings settings, SqsMessageIntake intake, TimeProvider time, ILoggerFactory logs) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollers = settings.Sqs.Queues
            .Select(queue => new SqsQueuePoller(queue, SqsClients.Create(queue), intake, time, logs.CreateLogger<SqsQueuePoller>()))
            .Select(poller => poller.RunAsync(stoppingToken));
        return Task.WhenAll(pollers);
    }
}
