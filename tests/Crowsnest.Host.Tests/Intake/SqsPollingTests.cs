using Amazon.Runtime;
using Amazon.SQS;
using Crowsnest.Notifications;
using Crowsnest.Storage;
using Crowsnest.Testing;

namespace Crowsnest.Host.Tests.Intake;

public sealed class SqsPollingTests
{
    [Fact]
    public async Task The_worker_takes_sns_envelopes_raw_messages_and_eventbridge_events_from_moto_and_deletes_only_what_it_stored()
    {
        var moto = await MotoServer.SharedUrlAsync();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials("testing", "testing"), new AmazonSQSConfig { ServiceURL = moto, AuthenticationRegion = "us-east-1" });
        var queueUrl = (await sqs.CreateQueueAsync($"crowsnest-{suffix}")).QueueUrl;
        var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).QueueARN;
        var topic = await MotoSns.CreateTopicAsync(moto, $"alarms-{suffix}");
        var rawTopic = await MotoSns.CreateTopicAsync(moto, $"raw-{suffix}");
        await MotoSns.SubscribeQueueAsync(moto, topic, queueArn, raw: false);
        await MotoSns.SubscribeQueueAsync(moto, rawTopic, queueArn, raw: true);

        await using var host = await TestHost.StartAsync(new()
        {
            ["Sqs:Queues:0:QueueUrl"] = queueUrl,
            ["Sqs:Queues:0:Region"] = "us-east-1",
            ["Sqs:Queues:0:ServiceUrl"] = moto,
            ["Sqs:Queues:0:RoleArn"] = "arn:aws:iam::123456789012:role/crowsnest-reader",
            ["Sqs:Queues:0:StsServiceUrl"] = moto,
            ["Sqs:Queues:0:WaitTimeSeconds"] = "1",
        });
        var published = await MotoSns.PublishAsync(moto, topic, "{\"AlarmName\":\"cpu\"}");
        await MotoSns.PublishAsync(moto, rawTopic, $"raw message {suffix}");
        var eventId = Guid.NewGuid().ToString();
        await sqs.SendMessageAsync(queueUrl, $"{{\"version\":\"0\",\"id\":\"{eventId}\",\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\",\"detail\":{{}}}}");
        await sqs.SendMessageAsync(queueUrl, "{ this is not json");
        var snsMessageId = System.Text.RegularExpressions.Regex.Match(published, "<MessageId>([^<]+)</MessageId>").Groups[1].Value;

        var fromSns = await EventuallyAsync(() => host.Store.Inbox.GetAsync(snsMessageId, CancellationToken.None));
        var fromEventBridge = await EventuallyAsync(() => host.Store.Inbox.GetAsync(eventId, CancellationToken.None));
        var raw = await EventuallyAsync(async () => (await host.Store.Inbox.ListAsync(new NotificationQuery(Limit: 1000), CancellationToken.None))
            .FirstOrDefault(n => n.Notification.Body == $"raw message {suffix}"));

        Assert.Equal(topic, fromSns.Notification.TopicArn);
        Assert.Equal("{\"AlarmName\":\"cpu\"}", fromSns.Notification.Body);
        Assert.Equal(NotificationSource.Sqs, fromSns.Notification.Source);
        Assert.Equal(NotificationSource.Sqs, fromEventBridge.Notification.Source);
        Assert.StartsWith("sqs:", raw.Notification.MessageId, StringComparison.Ordinal);
        // Everything stored was deleted; the poison message stays for the redrive policy (in flight or visible).
        var left = await EventuallyAsync(async () =>
        {
            var attributes = await sqs.GetQueueAttributesAsync(queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
            var total = attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
            return total == 1 ? (int?)total : null;
        });
        Assert.Equal(1, left);
        var metrics = await host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains($"crowsnest_sqs_poison_messages{{queue=\"crowsnest-{suffix}\"}}", metrics, StringComparison.Ordinal);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 60 s");
            await Task.Delay(100);
        }
    }

    private static async Task<int> EventuallyAsync(Func<Task<int?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 60 s");
            await Task.Delay(200);
        }
    }
}
