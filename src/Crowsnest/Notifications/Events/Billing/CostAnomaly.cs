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
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("anomalyId") && (p.Root.Has("impact") || p.Root.Has("anomalyDetailsLink")),
        Title = (d, _) => "Cost anomaly: " + (d.Path("impact", "totalImpact").Text() is { } impact ? $"${impact} " : string.Empty)
            + "unexpected spend" + (d.Items("rootCauses").FirstOrDefault().Str("service") is { } s ? $" in {s}" : string.Empty),
        Severity = d => (d.Path("impact", "totalImpact").Number() ?? d.Path("impact", "maxImpact").Number() ?? 0) >= 1000 ? Severity.High : Severity.Medium,
        Fields = [new("Monitor", "monitorName"), new("Anomaly", "anomalyId"), new("Start", "anomalyStartDate"), new("End", "anomalyEndDate")],
        Extra = (b, d, _) =>
        {
            var impact = d.Prop("impact");
            b.Field("Total impact", impact.Str("totalImpact")).Field("Max impact", impact.Str("maxImpact"))
                .Field("Expected", impact.Str("totalExpectedSpend")).Field("Actual", impact.Str("totalActualSpend"));
            var causes = d.Items("rootCauses").Select(c => string.Join(", ", c.Scalars().Select(s => $"{s.Name}: {s.Value}"))).ToList();
            b.Section("Root causes", causes.Count == 0 ? null : Md.Bullets(causes));
        },
        Link = (d, _) => ("Anomaly details", d.Str("anomalyDetailsLink")),
        Origin = d => (d.Str("accountId"), "us-east-1", d.Str("anomalyStartDate")),
        ThreadKey = (d, _) => "costanomaly/" + d.Str("anomalyId"),
        Keywords = ["billing", "cost-anomaly"],
    };
}
