using System.Text.Json;
using Crowsnest.Channels;
using Crowsnest.Channels.Webhook;

namespace Crowsnest.Tests.Channels.Webhook;

public sealed class WebhookRendererTests
{
    [Fact]
    public void Original_JSON_event_is_embedded_as_JSON()
    {
        var payload = MessageRenderers.Webhook(SampleMessages.Alarm(), "\uFEFF{\"AlarmName\":\"a\",\"n\":[1,2]}");
        using var doc = JsonDocument.Parse(payload.Body);

        Assert.Equal("json", doc.RootElement.GetProperty("eventFormat").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("event").GetProperty("n").GetArrayLength());
        Assert.Equal("cloudwatch.alarm", doc.RootElement.GetProperty("message").GetProperty("eventType").GetString());
    }

    [Theory]
    [InlineData("{\"unterminated\": ")]
    [InlineData("Subject: hello\nplain text")]
    [InlineData("{} trailing")]
    public void Anything_else_is_embedded_as_a_string(string original)
    {
        using var doc = JsonDocument.Parse(MessageRenderers.Webhook(SampleMessages.Alarm(), original).Body);

        Assert.Equal("text", doc.RootElement.GetProperty("eventFormat").GetString());
        Assert.Equal(original, doc.RootElement.GetProperty("event").GetString());
    }

    [Fact]
    public void Parsed_event_and_image_bytes_round_trip()
    {
        using var original = JsonDocument.Parse("{\"detail-type\":\"x\"}");
        using var doc = JsonDocument.Parse(WebhookRenderer.Instance.Render(SampleMessages.Alarm(), original.RootElement).Body);

        Assert.Equal("x", doc.RootElement.GetProperty("event").GetProperty("detail-type").GetString());
        var image = doc.RootElement.GetProperty("message").GetProperty("image");
        Assert.Equal(SampleMessages.Alarm().Image!.Data.ToArray(), image.GetProperty("dataBase64").GetBytesFromBase64());
    }

    [Fact]
    public void Random_messages_render_valid_JSON()
    {
        foreach (var message in RandomMessages.Generate(50, 41))
        {
            using var doc = JsonDocument.Parse(WebhookRenderer.Instance.Render(message, RenderOptions.None).Body);
            Assert.Equal(message.Title, doc.RootElement.GetProperty("message").GetProperty("title").GetString());
        }
    }
}
