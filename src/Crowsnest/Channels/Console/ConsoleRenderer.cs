using System.Text;
using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Console;

/// <summary>Renders the HTML fragment the built-in console inbox shows; all message text is HTML-encoded.</summary>
public sealed class ConsoleRenderer : IMessageRenderer
{
    private ConsoleRenderer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static ConsoleRenderer Instance { get; } = new();

    public string Platform => "console";

    public RenderedPayload Render(ChatMessage message, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        var scratch = RenderScratch.Rent();
        try
        {
            var trimmed = ConsoleHtmlWriter.Write(scratch.Text, message);
            var html = scratch.Text.Span;
            var bytes = new byte[Encoding.UTF8.GetByteCount(html)];
            Encoding.UTF8.GetBytes(html, bytes);
            return new RenderedPayload(Platform, "text/html; charset=utf-8", bytes, trimmed);
        }
        finally
        {
            RenderScratch.Return(scratch);
        }
    }
}
