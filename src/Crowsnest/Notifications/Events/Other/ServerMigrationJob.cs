using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>AWS Server Migration Service replication job state changes.</summary>
internal sealed class ServerMigrationJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "sms.job",
        Source = "aws.sms",
        Title = (d, _) => $"Replication job {d.Str("replication-job-id"u8)}: {d.Str("state"u8)}",
        Status = d => d.Str("state"u8),
        Fields = [new("Job", "replication-job-id"), new("Run", "replication-run-id"), new("State", "state")],
        Keywords = ["sms"],
    };
}
