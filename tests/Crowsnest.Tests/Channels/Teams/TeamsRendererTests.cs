using System.Text.Json;
using Crowsnest.Channels;
using Crowsnest.Channels.Teams;
using Crowsnest.Messages;

namespace Crowsnest.Tests.Channels.Teams;

public sealed class TeamsRendererTests
{
    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    public void Random_oversized_messages_fit_the_Workflows_size_limit(int seed, bool interactive)
    {
        foreach (var message in RandomMessages.Generate(150, seed))
        {
            var payload = TeamsRenderer.Instance.Render(message, new RenderOptions { Interactive = interactive, ImageUrl = "https://example.com/c.png" });
            Assert.InRange(payload.Body.Length, 1, TeamsLimits.MaxPayloadBytes);
            using var doc = JsonDocument.Parse(payload.Body);
            AssertEnvelope(doc.RootElement);
            var card = doc.RootElement.GetProperty("attachments")[0].GetProperty("content");
            if (card.TryGetProperty("actions", out var actions))
                Assert.InRange(actions.GetArrayLength(), 1, TeamsLimits.MaxActions);
        }
    }

    [Fact]
    public void Long_message_is_shortened_with_a_link_to_the_full_event()
    {
        var payload = TeamsRenderer.Instance.Render(SampleMessages.Long(), RenderOptions.None);
        using var doc = JsonDocument.Parse(payload.Body);

        Assert.True(payload.Trimmed);
        Assert.True(payload.Body.Length <= TeamsLimits.TargetPayloadBytes, $"{payload.Body.Length} bytes");
        var actions = doc.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions");
        Assert.Equal("https://crowsnest.example.com/events/01JDXK0B", actions.EnumerateArray().Last().GetProperty("url").GetString());
    }

    [Fact]
    public void Buttons_become_Execute_actions_only_when_a_bot_can_answer()
    {
        var message = SampleMessages.Alarm();
        using var hook = JsonDocument.Parse(MessageRenderers.Teams(message).Body);
        using var bot = JsonDocument.Parse(MessageRenderers.Teams(message, new RenderOptions { Interactive = true }).Body);

        static string[] Types(JsonDocument d) =>
            [.. d.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("type").GetString()!)];
        Assert.DoesNotContain("Action.Execute", Types(hook));
        Assert.Equal(2, Types(bot).Count(t => t == "Action.Execute"));
        Assert.DoesNotContain("Action.Submit", Types(bot));
    }

    [Fact]
    public void A_bot_card_can_carry_its_buttons_as_Submit_actions_with_the_action_id_and_value_in_data()
    {
        var message = SampleMessages.Alarm() with { Buttons = [new MessageButton("Run", "crowsnest.run", "sns list-topics")] };
        using var bot = JsonDocument.Parse(MessageRenderers.Teams(message, new RenderOptions { Interactive = true, SubmitButtons = true }).Body);
        var actions = bot.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions").EnumerateArray().ToList();
        var submit = Assert.Single(actions, a => a.GetProperty("type").GetString() == "Action.Submit");
        Assert.DoesNotContain(actions, a => a.GetProperty("type").GetString() == "Action.Execute");
        Assert.Equal("crowsnest.run", submit.GetProperty("data").GetProperty("actionId").GetString());
        Assert.Equal("sns list-topics", submit.GetProperty("data").GetProperty("value").GetString());
        Assert.False(submit.TryGetProperty("verb", out _));
    }

    [Fact]
    public void Template_expressions_in_event_text_stay_literal()
    {
        var message = new ChatMessage { EventType = "x", Title = "t", Summary = "{{DATE(2017-02-14T06:08:39Z, SHORT)}}" };
        var json = MessageRenderers.Teams(message).BodyText;
        Assert.DoesNotContain("{{DATE", json, StringComparison.Ordinal);
        Assert.Contains("{\u200B{DATE", json, StringComparison.Ordinal);
    }

    private static void AssertEnvelope(JsonElement root)
    {
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.NotEmpty(card.GetProperty("body").EnumerateArray());
    }
}
