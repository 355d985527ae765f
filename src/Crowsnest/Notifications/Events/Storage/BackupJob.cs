using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Storage;

/// <summary>AWS Backup backup, copy and restore job state changes (EventBridge). The SNS text form is <see cref="BackupNotification"/>.</summary>
internal sealed class BackupJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "backup.job",
        Source = "aws.backup",
        Title = (d, e) => $"{e.DetailType?.Replace(" State Change", string.Empty, StringComparison.Ordinal) ?? "Backup job"} {d.Str("state", "status")?.ToLowerInvariant()}: {ResourceName(d)}",
        Status = d => d.Str("state", "status"),
        Summary = d => d.Str("statusMessage"),
        Fields = [new("State", "state"), new("Status", "status"), new("Resource type", "resourceType"), new("Vault", "backupVaultName"),
            new("Size (bytes)", "backupSizeInBytes"), new("Done %", "percentDone"), new("Resource", "resourceArn", false)],
        Extra = (b, d, _) => b.Time("Created", d.Str("creationDate")).Time("Completed", d.Str("completionDate"))
            .Time("Expected completion", d.Str("expectedCompletionDate")),
        Link = (d, e) => ("Backup jobs", ConsoleLinks.Service(e.Region, "backup/home", "#/jobs")),
        ThreadKey = (d, _) => "backup/" + (d.Str("backupJobId") ?? d.Str("copyJobId") ?? d.Str("restoreJobId")),
        UpdateKey = (d, _) => "backup/" + (d.Str("backupJobId") ?? d.Str("copyJobId") ?? d.Str("restoreJobId")),
        Keywords = ["backup"],
    };

    private static string ResourceName(System.Text.Json.JsonElement d) =>
        Arn.Parse(d.Str("resourceArn") ?? d.Str("sourceResourceArn"))?.ResourceName ?? d.Str("backupJobId") ?? d.Str("copyJobId") ?? d.Str("restoreJobId") ?? string.Empty;
}
