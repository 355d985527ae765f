using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Ingest;

namespace Crowsnest.Host.Intake;

/// <summary>
/// Which topics some configuration names, from the live configuration snapshot. A topic not named by the current
/// snapshot triggers one refresh first, so a subscription that arrives right after its configuration was saved is
/// confirmed rather than held.
/// </summary>
internal sealed class SnapshotConfiguredTopics(ConfigSnapshotSource snapshots) : IConfiguredTopics
{
    public async ValueTask<bool> IsConfiguredAsync(string topicArn, CancellationToken cancellationToken)
    {
        if (IsConfiguredNow(topicArn))
        {
            return true;
        }
        await snapshots.RefreshAsync(cancellationToken);
        return IsConfiguredNow(topicArn);
    }

    public bool IsConfiguredNow(string topicArn) => snapshots.Current.NamesTopic(topicArn);
}
