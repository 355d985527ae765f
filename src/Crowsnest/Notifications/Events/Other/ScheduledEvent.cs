using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>EventBridge "Scheduled Event" (a rule on a schedule fired).</summary>
internal sealed class ScheduledEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "events.scheduled",
        Source = "aws.events",
        DetailTypes = ["Scheduled Event"],
        Title = (_, e) => $"Scheduled rule {Arn.Parse(e.Resources.FirstOrDefault())?.ResourceName ?? string.Empty} fired".Replace("  ", " ", StringComparison.Ordinal),
        Extra = (b, _, e) => b.Time("Time", e.TimeText).Link("Rule", ConsoleLinks.Service(e.Region, "events/home", "#/rules")),
        Keywords = ["eventbridge", "schedule"],
    };
}
