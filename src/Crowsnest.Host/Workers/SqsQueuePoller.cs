using Amazon.SQS;
using Amazon.SQS.Model;
using Crowsnest.Host.Hosting;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Ingest.Sqs;

namespace Crowsnest.Host.Workers;

/// <summary>
/// Long-polls one queue; a message is deleted only after the inbox has it. Poison messages stay in the queue (its
/// redrive policy moves them to a dead-letter queue); when the store is unavailable the batch is left for later.
/// </summary>
internal sealed partial class SqsQueuePoller(SqsQueueSettings queue, IAmazonSQS sqs, SqsMessageIntake intake, TimeProvider time, ILogger<SqsQueuePoller> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly string _name = queue.QueueUrl[(queue.QueueUrl.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var backoff = TimeSpan.FromSeconds(1);
        LogStarted(logger, _name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pause = await PollOnceAsync(stoppingToken);
                backoff = pause ? Next(backoff) : TimeSpan.FromSeconds(1);
                if (pause)
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is AmazonSQSException or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
            {
                LogPollFailed(logger, _name, e.Message);
                backoff = Next(backoff);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        sqs.Dispose();
    }

    /// <summary>One receive and its deletes; true when the worker should pause (the store could not take messages).</summary>
    private async Task<bool> PollOnceAsync(CancellationToken stoppingToken)
    {
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queue.QueueUrl,
            MaxNumberOfMessages = queue.MaxMessages,
            WaitTimeSeconds = queue.WaitTimeSeconds,
        }, stoppingToken);
        var done = new List<DeleteMessageBatchRequestEntry>();
        var pause = false;
        foreach (var message in received.Messages ?? [])
        {
            var result = await intake.HandleAsync(_name, message.MessageId, message.Body ?? "", stoppingToken);
            if (result.Acknowledged)
            {
                done.Add(new DeleteMessageBatchRequestEntry(done.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), message.ReceiptHandle));
            }
            else if (result.Outcome == IntakeOutcome.Unavailable)
            {
                pause = true;
                break;
            }
            else
            {
                LogPoison(logger, _name, message.MessageId, result.Reason);
            }
        }
        if (done.Count > 0)
        {
            var deleted = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest { QueueUrl = queue.QueueUrl, Entries = done }, CancellationToken.None);
            foreach (var failure in deleted.Failed ?? [])
            {
                // Stored already: a redelivery will be a duplicate, answered idempotently.
                LogDeleteFailed(logger, _name, failure.Message);
            }
        }
        return pause;
    }

    private static TimeSpan Next(TimeSpan backoff) => backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;

    [LoggerMessage(Level = LogLevel.Information, Message = "SQS worker polling queue {Queue}.")]
    private static partial void LogStarted(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQS queue {Queue}: receive failed ({Reason}); backing off.")]
    private static partial void LogPollFailed(ILogger logger, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQS queue {Queue}: message {MessageId} cannot be read ({Reason}); left to the queue's redrive policy.")]
    private static partial void LogPoison(ILogger logger, string queue, string messageId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQS queue {Queue}: delete failed ({Reason}); the message will come back as a duplicate.")]
    private static partial void LogDeleteFailed(ILogger logger, string queue, string reason);
}
