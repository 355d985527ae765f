using System.Text.Json.Nodes;
using Crowsnest.Messages;

namespace Crowsnest.Tests.Notifications.Events.Security;

public sealed class SecurityHubFindingsTests
{
    [Fact]
    public void Several_findings_are_each_listed_and_the_highest_severity_wins()
    {
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(CorpusFiles.Root, "eventbridge/securityhub/findings-imported-fsbp-ec2.7-failed.json")))!;
        var findings = body["detail"]!["findings"]!.AsArray();
        var second = findings[0]!.DeepClone();
        second["Id"] = "finding-2";
        second["Title"] = "S3 bucket is public";
        second["Severity"] = new JsonObject { ["Label"] = "CRITICAL", ["Normalized"] = 90 };
        second["Resources"] = new JsonArray(new JsonObject { ["Type"] = "AwsS3Bucket", ["Id"] = "arn:aws:s3:::public-bucket" });
        var third = findings[0]!.DeepClone();
        third["Severity"] = new JsonObject { ["Normalized"] = 45 };
        findings.Add(second);
        findings.Add(third);

        var (awsEvent, message) = EventAssert.Body(body.ToJsonString(), "securityhub.findings");

        Assert.Equal(Severity.Critical, awsEvent.Severity);
        Assert.Equal("Security Hub: 3 findings", message.Title);
        var list = EventAssert.Section(message, "Findings").Text.Split('\n');
        Assert.Equal(3, list.Length);
        Assert.Contains("**CRITICAL** S3 bucket is public — `arn:aws:s3:::public-bucket`", list[1], StringComparison.Ordinal);
        Assert.Contains("**Medium**", list[2], StringComparison.Ordinal);
        Assert.Null(message.ThreadKey);
    }

    [Fact]
    public void Single_finding_shows_its_compliance_and_remediation()
    {
        var (_, message) = EventAssert.Corpus("eventbridge/securityhub/findings-imported-fsbp-ec2.7-failed.json", "securityhub.findings");

        Assert.Equal("FAILED", EventAssert.Field(message, "Compliance").Value);
        Assert.StartsWith("Security Hub: EC2.7", message.Title, StringComparison.Ordinal);
        Assert.StartsWith("securityhub/arn:aws:securityhub:", message.ThreadKey, StringComparison.Ordinal);
    }
}
