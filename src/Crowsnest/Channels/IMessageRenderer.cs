using Crowsnest.Messages;

namespace Crowsnest.Channels;

/// <summary>Turns a neutral <see cref="ChatMessage"/> into the exact bytes one platform is sent.</summary>
public interface IMessageRenderer
{
    /// <summary>The platform name used in configuration and on the CLI (<c>slack</c>, <c>teams</c>, ...).</summary>
    string Platform { get; }

    /// <summary>Renders and serialises <paramref name="message"/>; never throws for any message content.</summary>
    RenderedPayload Render(ChatMessage message, RenderOptions options);
}
