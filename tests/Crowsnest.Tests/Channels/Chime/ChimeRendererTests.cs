using System.Text.Json;
using System.Text.RegularExpressions;
using Crowsnest.Channels;
using Crowsnest.Channels.Chime;
using Crowsnest.Messages;

namespace Crowsnest.Tests.Channels.Chime;

public sealed partial class ChimeRendererTests
{
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])@(?!\u200B)")]
    private static partial Regex LiveMention();

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Random_oversized_messages_fit_4096_bytes(int seed)
    {
        foreach (var message in RandomMessages.Generate(200, seed))
        {
            var payload = ChimeRenderer.Instance.Render(message, RenderOptions.None);
            Assert.InRange(payload.Body.Length, 1, ChimeLimits.MaxPayloadBytes);
            using var doc = JsonDocument.Parse(payload.Body);
            var content = Assert.Single(doc.RootElement.EnumerateObject(), p => p.Name == "Content").Value.GetString()!;
            Assert.StartsWith("/md ", content, StringComparison.Ordinal);
            Assert.InRange(content.Length, 5, ChimeLimits.MaxPayloadBytes);
            var live = LiveMention().Match(content);
            Assert.False(live.Success, live.Success ? content.Substring(Math.Max(0, live.Index - 40), Math.Min(60, content.Length - Math.Max(0, live.Index - 40))) : "");
        }
    }

    [Fact]
    public void Emoji_heavy_text_is_cut_by_bytes_not_chars()
    {
        var message = new ChatMessage { EventType = "x", Title = "t", Summary = string.Concat(Enumerable.Repeat("\U0001F6A8", 3000)), DetailsUrl = "https://c.example.com/e/1" };
        var payload = ChimeRenderer.Instance.Render(message, RenderOptions.None);

        Assert.True(payload.Trimmed);
        Assert.InRange(payload.Body.Length, 3000, ChimeLimits.MaxPayloadBytes);
        Assert.EndsWith("[Open the full event](https://c.example.com/e/1)", JsonDocument.Parse(payload.Body).RootElement.GetProperty("Content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Room_wide_mentions_are_made_inert()
    {
        var message = new ChatMessage { EventType = "x", Title = "@All", Summary = "hi @Present and @alias, mail me at a@b.com" };
        var content = JsonDocument.Parse(MessageRenderers.Chime(message).Body).RootElement.GetProperty("Content").GetString()!;

        Assert.DoesNotMatch(LiveMention(), content);
        Assert.Contains("a@b.com", content, StringComparison.Ordinal);
    }
}
