using System.Text.Json.Nodes;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Security;

namespace Crowsnest.Tests.Notifications.Events.Security;

public sealed class GuardDutyFindingTests
{
    [Theory]
    [InlineData(0.1, Severity.Low)]
    [InlineData(3.9, Severity.Low)]
    [InlineData(4.0, Severity.Medium)]
    [InlineData(6.9, Severity.Medium)]
    [InlineData(7.0, Severity.High)]
    [InlineData(8.9, Severity.High)]
    [InlineData(9.0, Severity.Critical)]
    [InlineData(10.0, Severity.Critical)]
    public void Severity_bands_follow_guardduty(double score, Severity expected)
    {
        Assert.Equal(expected, GuardDutySeverity.Of(score));

        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(CorpusFiles.Root, "eventbridge/guardduty/finding-minimal-severity-9-notify-slack.json")))!;
        body["detail"]!["severity"] = score;
        var (awsEvent, message) = EventAssert.Body(body.ToJsonString(), "guardduty.finding");
        Assert.Equal(expected, awsEvent.Severity);
        Assert.StartsWith(GuardDutySeverity.Label(expected), EventAssert.Field(message, "Severity").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_threads_by_its_id_and_reads_a_trimmed_envelope()
    {
        var (awsEvent, message) = EventAssert.Corpus("eventbridge/guardduty/finding-sample-ssh-bruteforce-partial-envelope.json", "guardduty.finding");

        Assert.Equal("guardduty/02be5693b63eea1d67e6f321c6aee4f3", message.ThreadKey);
        Assert.Equal(Severity.Low, awsEvent.Severity);
        Assert.Equal("`UnauthorizedAccess:EC2/SSHBruteForce`", EventAssert.Field(message, "Type").Value);
    }
}
