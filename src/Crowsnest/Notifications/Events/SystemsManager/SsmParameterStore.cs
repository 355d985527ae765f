using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.SystemsManager;

/// <summary>Systems Manager Parameter Store changes (create, update, delete, label) and policy actions.</summary>
internal sealed class SsmParameterStore() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ssm.parameter",
        Source = "aws.ssm",
        DetailTypes = ["Parameter Store Change", "Parameter Store Policy Action"],
        Title = (d, _) => $"Parameter {d.Str("name"u8) ?? d.Str("parameter-name"u8)}: {d.Str("operation"u8) ?? d.Str("action-status"u8) ?? "changed"}",
        Status = d => d.Str("action-status"u8),
        Summary = d => d.Str("description"u8),
        Fields = [new("Name", "name"), new("Type", "type"), new("Operation", "operation"), new("Policy", "policy-type")],
        Link = (d, e) => ("Parameter", ConsoleLinks.Service(e.Region, "systems-manager/parameters/" + ConsoleLinks.Escape((d.Str("name"u8) ?? string.Empty).TrimStart('/')) + "/description")),
        Keywords = ["ssm", "parameter-store"],
    };
}
