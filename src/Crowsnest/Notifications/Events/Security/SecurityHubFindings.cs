using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Security;

/// <summary>
/// Security Hub "Findings - Imported" and "Findings - Custom Action" events: ASFF findings, several per event.
/// The event's severity is the highest of its findings; each finding is listed with its severity and resource.
/// </summary>
internal sealed class SecurityHubFindings() : DescribedEventType(Spec)
{
    private const int MaxListed = 10;

    private static readonly EventSpec Spec = new()
    {
        Name = "securityhub.findings",
        Source = "aws.securityhub",
        DetailTypes = ["Security Hub Findings - Imported", "Security Hub Findings - Custom Action"],
        Title = (d, e) =>
        {
            var findings = d.Items("findings").ToList();
            var prefix = d.Str("actionName") is { } action ? $"Security Hub action {action}" : "Security Hub";
            return findings.Count == 1 ? $"{prefix}: {findings[0].Str("Title")}" : $"{prefix}: {findings.Count} findings";
        },
        Severity = d => d.Items("findings").Select(Of).DefaultIfEmpty(Severity.None).Max(),
        Summary = d => d.Items("findings").Count() == 1 ? d.Items("findings").First().Str("Description") : d.Str("actionDescription"),
        Extra = AddFindings,
        Link = (_, e) => ("Security Hub findings", ConsoleLinks.Service(e.Region, "securityhub/home", "#/findings")),
        ThreadKey = (d, e) => d.Items("findings").Count() == 1 ? "securityhub/" + d.Items("findings").First().Str("Id") : null,
        UpdateKey = (d, e) => d.Items("findings").Count() == 1 ? "securityhub/" + d.Items("findings").First().Str("Id") : null,
        Keywords = ["securityhub"],
    };

    /// <summary>The severity of one ASFF finding, from <c>Severity.Label</c> (or the normalized score).</summary>
    internal static Severity Of(JsonElement finding)
    {
        var severity = finding.Prop("Severity");
        return severity.Str("Label")?.ToUpperInvariant() switch
        {
            "CRITICAL" => Severity.Critical,
            "HIGH" => Severity.High,
            "MEDIUM" => Severity.Medium,
            "LOW" => Severity.Low,
            "INFORMATIONAL" => Severity.Info,
            _ => severity.Num("Normalized") switch
            {
                >= 90 => Severity.Critical,
                >= 70 => Severity.High,
                >= 40 => Severity.Medium,
                >= 1 => Severity.Low,
                _ => Severity.Info,
            },
        };
    }

    private static void AddFindings(MessageBuilder builder, JsonElement detail, Recognize.AwsEvent awsEvent)
    {
        var findings = detail.Items("findings").ToList();
        if (findings.Count == 1)
        {
            var f = findings[0];
            builder.Field("Severity", f.Path("Severity", "Label").Text() ?? Of(f).ToString())
                .Field("Compliance", f.Path("Compliance", "Status").Text())
                .Field("Workflow", f.Path("Workflow", "Status").Text() ?? f.Str("WorkflowState"))
                .Field("Product", f.Str("ProductName") ?? Arn.Parse(f.Str("ProductArn"))?.ResourceName)
                .Code("Type", f.Strings("Types").FirstOrDefault(), isShort: false)
                .Code("Resource", f.Items("Resources").FirstOrDefault().Str("Id"), isShort: false)
                .Section("Remediation", f.Path("Remediation", "Recommendation", "Text").Text())
                .Link("Remediation", f.Path("Remediation", "Recommendation", "Url").Text());
            return;
        }

        var lines = findings.Take(MaxListed).Select(f =>
            $"{Md.Bold(f.Path("Severity", "Label").Text() ?? Of(f).ToString())} {f.Str("Title")} — {Md.Code(f.Items("Resources").FirstOrDefault().Str("Id") ?? "?")}").ToList();
        if (findings.Count > MaxListed)
        {
            lines.Add($"… and {findings.Count - MaxListed} more");
        }

        builder.Field("Findings", findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Section("Findings", Md.Bullets(lines));
    }
}
