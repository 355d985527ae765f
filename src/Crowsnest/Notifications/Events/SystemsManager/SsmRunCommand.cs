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
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("commandId") && p.Root.Has("documentName"),
        Title = (d, _) => $"Run Command {d.Str("document-name", "documentName")}{(d.Str("instance-id", "instanceId") is { } i ? $" on {i}" : string.Empty)}: {d.Str("status")}",
        Status = d => d.Str("status"),
        Summary = d => d.Str("detailedStatus"),
        Fields = [new("Document", "document-name"), new("Document", "documentName"), new("Instance", "instance-id"), new("Instance", "instanceId"),
            new("Status", "status"), new("Detailed status", "detailedStatus"), new("Command", "command-id", false), new("Command", "commandId", false)],
        Extra = (b, d, _) => b.Time("Requested", d.Str("requested-date-time", "requestedDateTime"))
            .Field("Instances", string.Join(", ", d.Strings("instanceIds")), isShort: false)
            .Field("Output bucket", d.Str("outputS3BucketName")),
        Link = (d, e) => ("Command", ConsoleLinks.Service(e.Region, "systems-manager/run-command/" + d.Str("command-id", "commandId"))),
        Origin = d => (null, null, d.Str("eventTime")),
        ThreadKey = (d, e) => $"ssm/command/{d.Str("command-id", "commandId")}",
        Keywords = ["ssm", "run-command"],
    };
}
