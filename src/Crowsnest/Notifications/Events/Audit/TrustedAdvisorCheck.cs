using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Audit;

/// <summary>"Trusted Advisor Check Item Refresh Notification".</summary>
internal sealed class TrustedAdvisorCheck() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "trustedadvisor.check",
        Source = "aws.trustedadvisor",
        Title = (d, _) => $"Trusted Advisor: {d.Str("check-name"u8)} — {d.Str("status"u8)}",
        Severity = d => d.Str("status"u8) switch
        {
            "ERROR" => Severity.High,
            "WARN" => Severity.Medium,
            "OK" => Severity.Success,
            _ => Severity.Info,
        },
        Fields = [new("Check", "check-name"), new("Status", "status"), new("Resource", "resource_id", false)],
        Extra = (b, d, _) =>
        {
            var items = d.Prop("check-item-detail"u8).Scalars().Take(15).Select(i => $"{i.Name}: {i.Value}").ToList();
            b.Section("Details", items.Count == 0 ? null : Md.Bullets(items));
        },
        Link = (_, _) => ("Trusted Advisor", "https://console.aws.amazon.com/trustedadvisor/home#/dashboard"),
        ThreadKey = (d, e) => $"trustedadvisor/{e.Account}/{d.Str("check-name"u8)}/{d.Str("resource_id"u8)}",
        Keywords = ["trustedadvisor"],
    };
}
