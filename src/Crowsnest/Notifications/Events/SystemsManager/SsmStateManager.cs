using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.SystemsManager;

/// <summary>Systems Manager State Manager association and instance-association state changes.</summary>
internal sealed class SsmStateManager() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ssm.state-manager",
        Source = "aws.ssm",
        DetailTypes = ["EC2 State Manager Association State Change", "EC2 State Manager Instance Association State Change"],
        Title = (d, _) => $"Association {d.Str("association-name"u8) ?? d.Str("association-id"u8)}{(d.Str("instance-id"u8) is { } i ? $" on {i}" : string.Empty)}: {d.Str("status"u8)}",
        Status = d => d.Str("status"u8),
        Summary = d => d.Str("detailed-status"u8),
        Fields = [new("Document", "document-name"), new("Instance", "instance-id"), new("Status", "status"), new("Detailed status", "detailed-status"),
            new("Association", "association-id", false)],
        Link = (d, e) => ("Association", ConsoleLinks.Service(e.Region, "systems-manager/state-manager/" + d.Str("association-id"u8) + "/description")),
        ThreadKey = (d, _) => "ssm/association/" + d.Str("association-id"u8),
        Keywords = ["ssm", "state-manager"],
    };
}
