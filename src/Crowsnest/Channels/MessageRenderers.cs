using Crowsnest.Channels.Chime;
using Crowsnest.Channels.Console;
using Crowsnest.Channels.Slack;
using Crowsnest.Channels.Teams;
using Crowsnest.Channels.Webhook;
using Crowsnest.Messages;

namespace Crowsnest.Channels;

/// <summary>The explicit list of platform renderers, and one entry point per platform.</summary>
public static class MessageRenderers
{
    /// <summary>Every renderer, in the order the CLI lists them.</summary>
    public static IReadOnlyList<IMessageRenderer> All { get; } =
    [
        SlackRenderer.Api,
        SlackRenderer.Webhook,
        TeamsRenderer.Instance,
        ChimeRenderer.Instance,
        WebhookRenderer.Instance,
        ConsoleRenderer.Instance,
    ];

    /// <summary>The renderer for <paramref name="platform"/> (case-insensitive), or null.</summary>
    public static IMessageRenderer? Find(string platform)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.Platform, platform, StringComparison.OrdinalIgnoreCase))
                return r;
        }
        return null;
    }

    /// <summary>Slack <c>chat.postMessage</c> body (<c>chat.update</c> when <see cref="RenderOptions.UpdateTarget"/> is set).</summary>
    public static RenderedPayload Slack(ChatMessage message, RenderOptions? options = null) =>
        SlackRenderer.Api.Render(message, options ?? RenderOptions.None);

    /// <summary>Slack incoming-webhook body.</summary>
    public static RenderedPayload SlackWebhook(ChatMessage message, RenderOptions? options = null) =>
        SlackRenderer.Webhook.Render(message, options ?? RenderOptions.None);

    /// <summary>Teams Workflows webhook body (Adaptive Card).</summary>
    public static RenderedPayload Teams(ChatMessage message, RenderOptions? options = null) =>
        TeamsRenderer.Instance.Render(message, options ?? RenderOptions.None);

    /// <summary>Amazon Chime incoming-webhook body.</summary>
    public static RenderedPayload Chime(ChatMessage message, RenderOptions? options = null) =>
        ChimeRenderer.Instance.Render(message, options ?? RenderOptions.None);

    /// <summary>Generic webhook body with the original event (JSON or text).</summary>
    public static RenderedPayload Webhook(ChatMessage message, string? originalEvent) =>
        WebhookRenderer.Instance.Render(message, originalEvent);

    /// <summary>Console inbox HTML fragment.</summary>
    public static RenderedPayload Console(ChatMessage message) =>
        ConsoleRenderer.Instance.Render(message, RenderOptions.None);
}
