namespace Crowsnest.Channels;

/// <summary>Per-delivery details a renderer needs besides the message itself. Every property is optional.</summary>
public sealed record RenderOptions
{
    /// <summary>Options with nothing set.</summary>
    public static RenderOptions None { get; } = new();

    /// <summary>The platform channel id (Slack <c>C0123</c>); omitted from webhook payloads.</summary>
    public string? Channel { get; init; }

    /// <summary>The platform id of the thread to reply in (Slack <c>thread_ts</c>).</summary>
    public string? ThreadId { get; init; }

    /// <summary>The platform id of an earlier message to edit in place (Slack <c>ts</c> for <c>chat.update</c>).</summary>
    public string? UpdateTarget { get; init; }

    /// <summary>A Slack file id of the already uploaded image (the sender uploads <see cref="Messages.ChatMessage.Image"/>).</summary>
    public string? SlackImageFileId { get; init; }

    /// <summary>A public URL of the image, for platforms that can only show images by URL.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Whether buttons can be answered (a bot receives them); Teams Workflows webhooks cannot.</summary>
    public bool Interactive { get; init; }

    /// <summary>
    /// Teams bot cards: interactive buttons as <c>Action.Submit</c> (answered as message activities carrying
    /// <c>data</c>) instead of <c>Action.Execute</c>.
    /// </summary>
    public bool SubmitButtons { get; init; }

    /// <summary>The original event JSON (or text), included by the generic webhook renderer.</summary>
    public string? OriginalEvent { get; init; }
}
