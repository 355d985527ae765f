namespace Crowsnest.Messages;

/// <summary>
/// The platform-neutral rendering of an event or a command reply. Platform renderers turn it into Block Kit,
/// Adaptive Cards, Chime markdown, webhook JSON or console HTML.
/// </summary>
/// <remarks>
/// Text in <see cref="Summary"/>, <see cref="MessageSection.Text"/> and <see cref="MessageField.Value"/> is
/// neutral markdown: <c>**bold**</c>, <c>_italic_</c>, <c>`code`</c>, fenced code blocks, <c>[text](url)</c> and
/// <c>- </c> lists. Each renderer converts it to its platform's dialect and escapes everything else.
/// </remarks>
public sealed record ChatMessage
{
    /// <summary>The event type that produced this message (<c>cloudwatch.alarm</c>, <c>custom</c>, <c>command.reply</c>, ...).</summary>
    public required string EventType { get; init; }

    /// <summary>One-line title, plain text.</summary>
    public required string Title { get; init; }

    /// <summary>Drives colour and emoji.</summary>
    public Severity Severity { get; init; }

    /// <summary>One-line summary shown under the title and in notifications previews.</summary>
    public string? Summary { get; init; }

    /// <summary>Compact labelled values.</summary>
    public IReadOnlyList<MessageField> Fields { get; init; } = [];

    /// <summary>Longer blocks of text.</summary>
    public IReadOnlyList<MessageSection> Sections { get; init; } = [];

    /// <summary>Links: console deep links for the resource, account and region.</summary>
    public IReadOnlyList<MessageLink> Links { get; init; } = [];

    /// <summary>Action buttons.</summary>
    public IReadOnlyList<MessageButton> Buttons { get; init; } = [];

    /// <summary>An optional image (metric chart).</summary>
    public MessageImage? Image { get; init; }

    /// <summary>Optional files (full event, long output).</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];

    /// <summary>Related messages share a thread key and are threaded together.</summary>
    public string? ThreadKey { get; init; }

    /// <summary>A later message with the same update key may edit the earlier one in place.</summary>
    public string? UpdateKey { get; init; }

    /// <summary>Keywords for search and filtering.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>True for the generic fallback renderings (unknown EventBridge events, plain SNS text).</summary>
    public bool IsGeneric { get; init; }

    /// <summary>AWS account the event is about, when known.</summary>
    public string? Account { get; init; }

    /// <summary>AWS region the event is about, when known.</summary>
    public string? Region { get; init; }

    /// <summary>When the event happened, when known.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Where the whole event can be read (the console's event page); renderers link to it when they trim.</summary>
    public string? DetailsUrl { get; init; }
}
