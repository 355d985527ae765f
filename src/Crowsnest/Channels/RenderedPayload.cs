using System.Text;

namespace Crowsnest.Channels;

/// <summary>What a renderer produced: the body to send, UTF-8 encoded.</summary>
/// <param name="Platform">The renderer's platform.</param>
/// <param name="ContentType">MIME type of <paramref name="Body"/>.</param>
/// <param name="Body">The bytes to post (or show).</param>
/// <param name="Trimmed">True when content was cut to stay inside the platform's limits.</param>
public sealed record RenderedPayload(string Platform, string ContentType, ReadOnlyMemory<byte> Body, bool Trimmed)
{
    /// <summary>The body as text (for previews, logs of test runs and the CLI).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);
}
