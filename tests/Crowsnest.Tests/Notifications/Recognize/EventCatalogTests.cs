using System.Text.RegularExpressions;
using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Tests.Notifications.Recognize;

public sealed partial class EventCatalogTests
{
    [Theory]
    [InlineData("", "empty body")]
    [InlineData("  ", "empty body")]
    [InlineData("{\"AlarmName\": ", "does not parse")]
    public void Unparseable_bodies_are_unrecognised_with_a_reason(string body, string reason)
    {
        var result = EventCatalog.Default.Recognize(CorpusFiles.Notification(body));

        Assert.Equal(RecognitionOutcome.Unrecognized, result.Outcome);
        Assert.Equal("unrecognized", result.TypeName);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Null(result.Render());
    }

    [Fact]
    public void Unknown_eventbridge_event_renders_generically_with_its_detail_type_and_fields()
    {
        const string Body = """
            {"version":"0","id":"1","detail-type":"Widget Polished","source":"aws.widgets","account":"123456789012",
             "time":"2024-01-01T00:00:00Z","region":"eu-west-1","resources":["arn:aws:widgets:eu-west-1:123456789012:widget/w-1"],
             "detail":{"widgetId":"w-1","shine":"very","nested":{"ignored":true}}}
            """;

        var result = EventCatalog.Default.Recognize(CorpusFiles.Notification(Body));
        var message = result.Render()!;

        Assert.Equal(RecognitionOutcome.Generic, result.Outcome);
        Assert.Equal("eventbridge.generic", result.TypeName);
        Assert.True(message.IsGeneric);
        Assert.Equal("Widget Polished", message.Title);
        Assert.Contains(message.Fields, f => f.Label == "shine" && f.Value == "very");
        Assert.DoesNotContain(message.Fields, f => f.Label == "nested");
        Assert.Contains(message.Links, l => l.Url.StartsWith("https://console.aws.amazon.com/go/view?arn=arn%3Aaws%3Awidgets", StringComparison.Ordinal));
        Assert.Contains(message.Links, l => l.Url == "https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1");
    }

    [Fact]
    public void Other_sns_text_renders_with_subject_and_body()
    {
        var result = EventCatalog.Default.Recognize(CorpusFiles.Notification("line one\nline two", subject: "Deploy done"));
        var message = result.Render()!;

        Assert.Equal("sns.text", result.TypeName);
        Assert.True(message.IsGeneric);
        Assert.Equal("Deploy done", message.Title);
        Assert.Equal("line one\nline two", message.Sections[0].Text);
        Assert.Equal(Severity.None, message.Severity);
    }

    [Fact]
    public void Type_names_are_unique_per_class_and_lower_case_dotted()
    {
        var all = EventCatalog.Default.SpecificTypes.Concat(EventCatalog.Default.FallbackTypes).ToList();

        Assert.All(all, t => Assert.Matches(NamePattern(), t.Name));
        Assert.Equal(all.Count, all.Select(t => t.GetType()).Distinct().Count());
        Assert.Contains(all, t => t.Name == "custom");
    }

    [GeneratedRegex(@"^[a-z0-9]+(\.[a-z0-9-]+)*$")]
    private static partial Regex NamePattern();
}
