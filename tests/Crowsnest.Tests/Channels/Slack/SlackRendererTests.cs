using System.Text.Json;
using Crowsnest.Channels;
using Crowsnest.Channels.Slack;
using Crowsnest.Messages;

namespace Crowsnest.Tests.Channels.Slack;

public sealed class SlackRendererTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_oversized_messages_stay_within_every_Block_Kit_limit(int seed)
    {
        foreach (var message in RandomMessages.Generate(150, seed))
        {
            foreach (var renderer in new[] { SlackRenderer.Api, SlackRenderer.Webhook })
            {
                using var doc = JsonDocument.Parse(renderer.Render(message, new RenderOptions { Channel = "C1", SlackImageFileId = "F1" }).Body);
                Assert.Empty(BlockKitRules.Check(doc.RootElement));
            }
        }
    }

    [Fact]
    public void Long_message_is_trimmed_with_a_link_to_the_full_event()
    {
        var payload = SlackRenderer.Api.Render(SampleMessages.Long(), RenderOptions.None);
        using var doc = JsonDocument.Parse(payload.Body);

        Assert.True(payload.Trimmed);
        Assert.Empty(BlockKitRules.Check(doc.RootElement));
        var last = doc.RootElement.GetProperty("attachments")[0].GetProperty("blocks").EnumerateArray().Last();
        Assert.Contains("<https://crowsnest.example.com/events/01JDXK0B|Open the full event>", last.GetProperty("elements")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_in_event_text_are_escaped_everywhere_Slack_parses_them()
    {
        var message = new ChatMessage
        {
            EventType = "custom",
            Title = "<!channel> title",
            Summary = "<!everyone> summary <@U0123>",
            Fields = [new("<!here>", "<!subteam^S01|x>")],
            Sections = [new("<#C0123>", "[<!channel>](https://example.com/<!channel>)")],
            Links = [new("<!channel>", "https://example.com/?q=<!here>")],
        };

        var json = SlackRenderer.Api.Render(message, RenderOptions.None).BodyText;
        using var doc = JsonDocument.Parse(json);

        Assert.Empty(BlockKitRules.Check(doc.RootElement));
        Assert.StartsWith(":white_circle: &lt;!channel&gt; title: &lt;!everyone&gt;", doc.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<!everyone>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0123>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_uses_ts_and_webhook_omits_channel()
    {
        var options = new RenderOptions { Channel = "C1", ThreadId = "1.1", UpdateTarget = "2.2" };
        using var api = JsonDocument.Parse(SlackRenderer.Api.Render(SampleMessages.Alarm(), options).Body);
        using var hook = JsonDocument.Parse(SlackRenderer.Webhook.Render(SampleMessages.Alarm(), options).Body);

        Assert.Equal("2.2", api.RootElement.GetProperty("ts").GetString());
        Assert.False(api.RootElement.TryGetProperty("thread_ts", out _));
        Assert.False(hook.RootElement.TryGetProperty("channel", out _));
        Assert.Equal("1.1", hook.RootElement.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public void Severity_sets_the_attachment_colour()
    {
        var message = new ChatMessage { EventType = "x", Title = "t", Severity = Severity.Success };
        using var doc = JsonDocument.Parse(MessageRenderers.Slack(message).Body);
        Assert.Equal("#2EB67D", doc.RootElement.GetProperty("attachments")[0].GetProperty("color").GetString());
    }

    [Fact]
    public void Empty_fields_and_sections_write_no_empty_text()
    {
        var message = new ChatMessage
        {
            EventType = "x",
            Title = " ",
            Summary = "  ",
            Fields = [new(" ", ""), new("", " ")],
            Sections = [new(null, ""), new("  ", "\n")],
        };
        using var doc = JsonDocument.Parse(MessageRenderers.Slack(message).Body);

        Assert.Empty(BlockKitRules.Check(doc.RootElement));
        var types = doc.RootElement.GetProperty("attachments")[0].GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString());
        Assert.Equal(["header", "context"], types);
    }
}
