using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Security;

/// <summary>Security Hub "Insight Results" sent by a custom action on an insight.</summary>
internal sealed class SecurityHubInsight() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "securityhub.insight",
        Source = "aws.securityhub",
        DetailTypes = ["Security Hub Insight Results"],
        Title = (d, _) => $"Security Hub insight: {d.Str("insightName"u8)}",
        Summary = d => d.Str("actionDescription"u8),
        Fields = [new("Action", "actionName"), new("Result type", "resultType"), new("Results", "number of results"), new("Insight", "insightArn", false)],
        Extra = (b, d, _) =>
        {
            var results = d.Items("insightResults"u8).SelectMany(r => r.Scalars()).Take(20).Select(r => $"{Md.Code(r.Name)}: {r.Value}").ToList();
            b.Section("Results", results.Count == 0 ? null : Md.Bullets(results));
        },
        Link = (_, e) => ("Insights", ConsoleLinks.Service(e.Region, "securityhub/home", "#/insights")),
        Keywords = ["securityhub", "insight"],
    };
}
