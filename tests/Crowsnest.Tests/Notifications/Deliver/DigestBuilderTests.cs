using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Tests.Notifications.Deliver;

public class DigestBuilderTests
{
    private static ChatMessage Finding(int i, Severity severity) => new()
    {
        EventType = "guardduty.finding",
        Title = $"Finding {i}: SSH brute force on i-{i:D4}",
        Severity = severity,
        Summary = $"summary {i}",
    };

    [Fact]
    public void A_digest_lists_every_message_counts_the_high_ones_and_attaches_the_details()
    {
        var messages = Enumerable.Range(0, 37).Select(i => Finding(i, i < 3 ? Severity.High : Severity.Low)).ToList();

        var digest = DigestBuilder.Build(messages);

        Assert.Equal("Guardduty: 37 new events, 3 high or critical", digest.Title);
        Assert.Equal(Severity.High, digest.Severity);
        var listed = string.Join("\n", digest.Sections.Select(s => s.Text));
        Assert.All(messages, m => Assert.Contains(m.Title, listed, StringComparison.Ordinal));
        Assert.All(digest.Sections, s => Assert.True(s.Text.Length < 3000));
        var details = Assert.Single(digest.Attachments).Content;
        Assert.All(messages, m => Assert.Contains(m.Summary!, details, StringComparison.Ordinal));
    }
}
