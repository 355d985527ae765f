namespace Crowsnest.Notifications.Ingest;

/// <summary>Which SNS topics some channel configuration names (decides whether a subscription is confirmed and a notification routed).</summary>
public interface IConfiguredTopics
{
    /// <summary>True when at least one configuration names <paramref name="topicArn"/>.</summary>
    ValueTask<bool> IsConfiguredAsync(string topicArn, CancellationToken cancellationToken);
}
