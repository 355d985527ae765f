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
            var findings = d.Items("findings"u8).ToList();
            var prefix = d.Str("actionName"u8) is { } action ? $"Security Hub action {action}" : "Security Hub";
            return findings.Count == 1 ? $"{prefix}: {findings[0].Str("Title"u8)}" : $"{prefix}: {findings.Count} findings";
        },
        Severity = d => d.Items("findings"u8).Select(Of).DefaultIfEmpty(Severity.None).Max(),
        Summary = d => d.ItemCount("findings"u8) == 1 ? d.FirstItem("findings"u8).Str("Description"u8) : d.Str("actionDescription"u8),
        Extra = AddFindings,
        Link = (_, e) => ("Security Hub findings", ConsoleLinks.Service(e.Region, "securityhub/home", "#/findings")),
        ThreadKey = (d, e) => d.ItemCount("findings"u8) == 1 ? "securityhub/" + d.FirstItem("findings"u8).Str("Id"u8) : null,
        UpdateKey = (d, e) => d.ItemCount("findings"u8) == 1 ? "securityhub/" + d.FirstItem("findings"u8).Str("Id"u8) : null,
        Keywords = ["securityhub"],
    };

    /// <summary>The severity of one ASFF finding, from <c>Severity.Label</c> (or the normalized score).</summary>
    internal static Severity Of(JsonElement finding)
    {
        var severity = finding.Prop("Severity"u8);
        return severity.Str("Label"u8)?.ToUpperInvariant() switch
        {
            "CRITICAL" => Severity.Critical,
            "HIGH" => Severity.High,
            "MEDIUM" => Severity.Medium,
            "LOW" => Severity.Low,
            "INFORMATIONAL" => Severity.Info,
            _ => severity.Num("Normalized"u8) switch
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
        var findings = detail.Items("findings"u8).ToList();
        if (findings.Count == 1)
        {
            var f = findings[0];
            builder.Field("Severity", f.Path("Severity"u8, "Label"u8).Text() ?? Of(f).ToString())
                .Field("Compliance", f.Path("Compliance"u8, "Status"u8).Text())
                .Field("Workflow", f.Path("Workflow"u8, "Status"u8).Text() ?? f.Str("WorkflowState"u8))
                .Field("Product", f.Str("ProductName"u8) ?? Arn.Parse(f.Str("ProductArn"u8))?.ResourceName)
                .Code("Type", f.Strings("Types"u8).FirstOrDefault(), isShort: false)
                .Code("Resource", f.FirstItem("Resources"u8).Str("Id"u8), isShort: false)
                .Section("Remediation", f.Path("Remediation"u8, "Recommendation"u8, "Text"u8).Text())
                .Link("Remediation", f.Path("Remediation"u8, "Recommendation"u8, "Url"u8).Text());
            return;
        }

        var lines = findings.Take(MaxListed).Select(f =>
            $"{Md.Bold(f.Path("Severity"u8, "Label"u8).Text() ?? Of(f).ToString())} {f.Str("Title"u8)} — {Md.Code(f.FirstItem("Resources"u8).Str("Id"u8) ?? "?")}").ToList();
        if (findings.Count > MaxListed)
        {
            lines.Add($"… and {findings.Count - MaxListed} more");
        }

        builder.Field("Findings", findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Section("Findings", Md.Bullets(lines));
    }
}
