using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.SystemsManager;

/// <summary>Systems Manager Change Calendar state changes (OPEN / CLOSED).</summary>
internal sealed class SsmChangeCalendar() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ssm.change-calendar",
        Source = "aws.ssm",
        DetailTypes = ["Calendar State Change"],
        Title = (_, e) => $"Change calendar {Arn.Parse(e.Resources.FirstOrDefault())?.ResourceName ?? string.Empty} is {e.Parsed.Detail.Str("state"u8)}".Replace("  ", " ", StringComparison.Ordinal),
        Fields = [new("State", "state")],
        Extra = (b, d, _) => b.Time("At", d.Str("atTime"u8)).Time("Next transition", d.Str("nextTransitionTime"u8)),
        Link = (_, e) => ("Change Calendar", ConsoleLinks.Service(e.Region, "systems-manager/change-calendar")),
        Keywords = ["ssm", "change-calendar"],
    };
}
