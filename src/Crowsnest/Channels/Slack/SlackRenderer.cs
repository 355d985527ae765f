using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Slack;

/// <summary>
/// Slack Block Kit renderer. <see cref="Api"/> renders <c>chat.postMessage</c> bodies (with <c>channel</c>, and
/// <c>ts</c> for <c>chat.update</c>); <see cref="Webhook"/> renders incoming-webhook bodies. Images are referenced by
/// <see cref="RenderOptions.SlackImageFileId"/> once the sender has uploaded them.
/// </summary>
public sealed class SlackRenderer : IMessageRenderer
{
    private readonly bool _webhook;

    private SlackRenderer(bool webhook) => _webhook = webhook;

    /// <summary>The Web API form.</summary>
    public static SlackRenderer Api { get; } = new(webhook: false);

    /// <summary>The incoming-webhook form.</summary>
    public static SlackRenderer Webhook { get; } = new(webhook: true);

    public string Platform => _webhook ? "slack-webhook" : "slack";

    public RenderedPayload Render(ChatMessage message, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var scratch = RenderScratch.Rent();
        try
        {
            var trimmed = SlackPayloadWriter.Write(scratch, message, options, _webhook);
            return new RenderedPayload(Platform, "application/json; charset=utf-8", scratch.FinishJson(), trimmed);
        }
        finally
        {
            RenderScratch.Return(scratch);
        }
    }
}
