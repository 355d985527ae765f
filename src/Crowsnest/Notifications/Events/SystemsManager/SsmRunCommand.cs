using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.SystemsManager;

/// <summary>
/// Systems Manager Run Command: command and command-invocation status changes (EventBridge), the JSON Run Command
/// publishes to SNS, and bare detail objects. One command is one thread.
/// </summary>
internal sealed class SsmRunCommand() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ssm.run-command",
        Source = "aws.ssm",
        DetailTypes = ["EC2 Command Status-change Notification", "EC2 Command Invocation Status-change Notification"],
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("commandId"u8) && p.Root.Has("documentName"u8),
        Title = (d, _) => $"Run Command {d.Str("document-name"u8, "documentName"u8)}{(d.Str("instance-id"u8, "instanceId"u8) is { } i ? $" on {i}" : string.Empty)}: {d.Str("status"u8)}",
        Status = d => d.Str("status"u8),
        Summary = d => d.Str("detailedStatus"u8),
        Fields = [new("Document", "document-name"), new("Document", "documentName"), new("Instance", "instance-id"), new("Instance", "instanceId"),
            new("Status", "status"), new("Detailed status", "detailedStatus"), new("Command", "command-id", false), new("Command", "commandId", false)],
        Extra = (b, d, _) => b.Time("Requested", d.Str("requested-date-time"u8, "requestedDateTime"u8))
            .Field("Instances", string.Join(", ", d.Strings("instanceIds"u8)), isShort: false)
            .Field("Output bucket", d.Str("outputS3BucketName"u8)),
        Link = (d, e) => ("Command", ConsoleLinks.Service(e.Region, "systems-manager/run-command/" + d.Str("command-id"u8, "commandId"u8))),
        Origin = d => (null, null, d.Str("eventTime"u8)),
        ThreadKey = (d, e) => $"ssm/command/{d.Str("command-id"u8, "commandId"u8)}",
        Keywords = ["ssm", "run-command"],
    };
}
