using System.Diagnostics;
using Crowsnest.Diagnostics;
using Crowsnest.Storage;

namespace Crowsnest.Notifications.Ingest.Sqs;

/// <summary>
/// One SQS message into the inbox: an SNS envelope (raw delivery off), a bare EventBridge event, or a raw SNS
/// message (raw delivery on). The queue's IAM policy is what authenticates SQS messages, so envelopes are not
/// signature-checked here. A message that cannot be read is poison: counted and left to the queue's redrive policy.
/// </summary>
public sealed class SqsMessageIntake(PayloadReader reader, IInboxStore inbox, CrowsnestMetrics metrics)
{
    /// <summary>Stores the notifications in one SQS message; Accepted or Duplicate means the message may be deleted.</summary>
    /// <param name="queue">A short name of the queue, for metrics and the source key.</param>
    /// <param name="sqsMessageId">SQS's message id, the idempotency key of a raw message.</param>
    /// <param name="body">The message body.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async ValueTask<IntakeResult> HandleAsync(string queue, string sqsMessageId, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var read = reader.Read(body);
        if (!read.IsValid || read.Items.Count == 0)
        {
            metrics.SqsPoisonMessages.Add(1, new KeyValuePair<string, object?>("queue", queue));
            return IntakeResult.Invalid(read.Error ?? "no notification in the message");
        }

        var anyNew = false;
        foreach (var item in read.Items)
        {
            var notification = item.Notification with
            {
                Source = NotificationSource.Sqs,
                SourceKey = queue,
                // A raw message has no id of its own: SQS's id is stable across redeliveries of this message.
                MessageId = item.Shape is PayloadShape.JsonMessage or PayloadShape.Text ? $"sqs:{sqsMessageId}" : item.Notification.MessageId,
            };
            try
            {
                if (await inbox.AcceptAsync(notification, cancellationToken))
                {
                    anyNew = true;
                    metrics.EventsProcessed.Add(1, new TagList { { "source", "sqs" }, { "topic", notification.TopicArn ?? queue } });
                }
                else
                {
                    metrics.IntakeDuplicates.Add(1, new KeyValuePair<string, object?>("source", "sqs"));
                }
            }
            catch (StoreUnavailableException)
            {
                metrics.EventsThrottled.Add(1, new KeyValuePair<string, object?>("source", "sqs"));
                return IntakeResult.Unavailable("the store cannot take the notification now");
            }
        }

        return new IntakeResult(anyNew ? IntakeOutcome.Accepted : IntakeOutcome.Duplicate, null, read.Items[0].Notification.MessageId);
    }
}
