using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Storage;

/// <summary>AWS Backup backup, copy and restore job state changes (EventBridge). The SNS text form is <see cref="BackupNotification"/>.</summary>
internal sealed class BackupJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "backup.job",
        Source = "aws.backup",
        Title = (d, e) => $"{e.DetailType?.Replace(" State Change", string.Empty, StringComparison.Ordinal) ?? "Backup job"} {d.Str("state"u8, "status"u8)?.ToLowerInvariant()}: {ResourceName(d)}",
        Status = d => d.Str("state"u8, "status"u8),
        Summary = d => d.Str("statusMessage"u8),
        Fields = [new("State", "state"), new("Status", "status"), new("Resource type", "resourceType"), new("Vault", "backupVaultName"),
            new("Size (bytes)", "backupSizeInBytes"), new("Done %", "percentDone"), new("Resource", "resourceArn", false)],
        Extra = (b, d, _) => b.Time("Created", d.Str("creationDate"u8)).Time("Completed", d.Str("completionDate"u8))
            .Time("Expected completion", d.Str("expectedCompletionDate"u8)),
        Link = (d, e) => ("Backup jobs", ConsoleLinks.Service(e.Region, "backup/home", "#/jobs")),
        ThreadKey = (d, _) => "backup/" + (d.Str("backupJobId"u8) ?? d.Str("copyJobId"u8) ?? d.Str("restoreJobId"u8)),
        UpdateKey = (d, _) => "backup/" + (d.Str("backupJobId"u8) ?? d.Str("copyJobId"u8) ?? d.Str("restoreJobId"u8)),
        Keywords = ["backup"],
    };

    private static string ResourceName(System.Text.Json.JsonElement d) =>
        Arn.Parse(d.Str("resourceArn"u8) ?? d.Str("sourceResourceArn"u8))?.ResourceName ?? d.Str("backupJobId"u8) ?? d.Str("copyJobId"u8) ?? d.Str("restoreJobId"u8) ?? string.Empty;
}
