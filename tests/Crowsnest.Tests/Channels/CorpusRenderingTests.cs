using System.Text.Json;
using Crowsnest.Channels;
using Crowsnest.Channels.Chime;
using Crowsnest.Channels.Slack;
using Crowsnest.Channels.Teams;
using Crowsnest.Notifications.Recognize;
using Crowsnest.Tests.Channels.Slack;
using Crowsnest.Tests.Notifications;

namespace Crowsnest.Tests.Channels;

/// <summary>Every recognised corpus notification, rendered for every platform: no exception and within each platform's limits.</summary>
public sealed class CorpusRenderingTests
{
    [Fact]
    public void Every_corpus_notification_renders_for_every_platform_within_its_limits()
    {
        var problems = new List<string>();
        var rendered = 0;
        foreach (var file in CorpusFiles.All)
        {
            foreach (var result in CorpusFiles.Classify(file).Results.Where(r => r.Outcome != RecognitionOutcome.Unrecognized))
            {
                var message = result.Render()!;
                foreach (var renderer in MessageRenderers.All)
                {
                    var options = new RenderOptions { Channel = "C1", Interactive = true, ImageUrl = "https://example.com/chart.png" };
                    var payload = renderer.Render(message, options);
                    problems.AddRange(Check(renderer.Platform, payload).Select(p => $"{file} [{renderer.Platform}]: {p}"));
                    rendered++;
                }
            }
        }

        Assert.Empty(problems);
        Assert.True(rendered > 150 * MessageRenderers.All.Count, $"only {rendered} renderings");
    }

    private static IEnumerable<string> Check(string platform, RenderedPayload payload)
    {
        if (payload.Body.Length == 0)
        {
            return ["empty body"];
        }
        if (payload.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        using var doc = JsonDocument.Parse(payload.Body);
        return platform switch
        {
            _ when SlackRenderer.Api.Platform == platform || SlackRenderer.Webhook.Platform == platform => BlockKitRules.Check(doc.RootElement),
            _ when ChimeRenderer.Instance.Platform == platform => payload.Body.Length > ChimeLimits.MaxPayloadBytes
                ? [$"{payload.Body.Length} bytes, over {ChimeLimits.MaxPayloadBytes}"]
                : doc.RootElement.GetProperty("Content").GetString()!.StartsWith("/md ", StringComparison.Ordinal) ? [] : ["Content is not /md markdown"],
            _ when TeamsRenderer.Instance.Platform == platform => payload.Body.Length > TeamsLimits.MaxPayloadBytes
                ? [$"{payload.Body.Length} bytes, over {TeamsLimits.MaxPayloadBytes}"]
                : [],
            _ => [],
        };
    }
}
