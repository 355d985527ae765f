using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Billing;

/// <summary>AWS Cost Anomaly Detection: the EventBridge "Anomaly Detected" event and the SNS immediate-alert JSON.</summary>
internal sealed class CostAnomaly() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "costanomaly.anomaly",
        Source = "aws.ce",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("anomalyId"u8) && (p.Root.Has("impact"u8) || p.Root.Has("anomalyDetailsLink"u8)),
        Title = (d, _) => "Cost anomaly: " + (d.Path("impact"u8, "totalImpact"u8).Text() is { } impact ? $"${impact} " : string.Empty)
            + "unexpected spend" + (d.FirstItem("rootCauses"u8).Str("service"u8) is { } s ? $" in {s}" : string.Empty),
        Severity = d => (d.Path("impact"u8, "totalImpact"u8).Number() ?? d.Path("impact"u8, "maxImpact"u8).Number() ?? 0) >= 1000 ? Severity.High : Severity.Medium,
        Fields = [new("Monitor", "monitorName"), new("Anomaly", "anomalyId"), new("Start", "anomalyStartDate"), new("End", "anomalyEndDate")],
        Extra = (b, d, _) =>
        {
            var impact = d.Prop("impact"u8);
            b.Field("Total impact", impact.Str("totalImpact"u8)).Field("Max impact", impact.Str("maxImpact"u8))
                .Field("Expected", impact.Str("totalExpectedSpend"u8)).Field("Actual", impact.Str("totalActualSpend"u8));
            var causes = d.Items("rootCauses"u8).Select(c => string.Join(", ", c.Scalars().Select(s => $"{s.Name}: {s.Value}"))).ToList();
            b.Section("Root causes", causes.Count == 0 ? null : Md.Bullets(causes));
        },
        Link = (d, _) => ("Anomaly details", d.Str("anomalyDetailsLink"u8)),
        Origin = d => (d.Str("accountId"u8), "us-east-1", d.Str("anomalyStartDate"u8)),
        ThreadKey = (d, _) => "costanomaly/" + d.Str("anomalyId"u8),
        Keywords = ["billing", "cost-anomaly"],
    };
}
