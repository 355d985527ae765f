namespace Crowsnest.Notifications.Ingest;

/// <summary>Which SNS topics some channel configuration names (decides whether a subscription is confirmed and a notification routed).</summary>
public interface IConfiguredTopics
{
    /// <summary>True when at least one configuration names <paramref name="topicArn"/>, after making sure the answer is current.</summary>
    ValueTask<bool> IsConfiguredAsync(string topicArn, CancellationToken cancellationToken);

    /// <summary>
    /// True when the configuration in force now names <paramref name="topicArn"/>, without asking the store: for counting
    /// a notification as unrouted, which must not cost a store read per request.
    /// </summary>
    bool IsConfiguredNow(string topicArn);
}
