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
        Title = (d, _) => $"Parameter {d.Str("name") ?? d.Str("parameter-name")}: {d.Str("operation") ?? d.Str("action-status") ?? "changed"}",
        Status = d => d.Str("action-status"),
        Summary = d => d.Str("description"),
        Fields = [new("Name", "name"), new("Type", "type"), new("Operation", "operation"), new("Policy", "policy-type")],
        Link = (d, e) => ("Parameter", ConsoleLinks.Service(e.Region, "systems-manager/parameters/" + ConsoleLinks.Escape((d.Str("name") ?? string.Empty).TrimStart('/')) + "/description")),
        Keywords = ["ssm", "parameter-store"],
    };
}
