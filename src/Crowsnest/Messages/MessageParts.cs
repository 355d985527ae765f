namespace Crowsnest.Messages;

/// <summary>A labelled value shown in a compact grid (Slack fields, Teams facts).</summary>
/// <param name="Label">Short label, plain text.</param>
/// <param name="Value">Value in neutral markdown.</param>
/// <param name="IsShort">True when the field fits in half a row.</param>
public sealed record MessageField(string Label, string Value, bool IsShort = true);

/// <summary>A block of text with an optional heading. Text is neutral markdown (see <see cref="ChatMessage"/>).</summary>
public sealed record MessageSection(string? Heading, string Text);

/// <summary>A link, typically to the AWS console.</summary>
public sealed record MessageLink(string Text, string Url);

/// <summary>The look of a button.</summary>
public enum ButtonStyle
{
    /// <summary>Platform default.</summary>
    Default = 0,

    /// <summary>Emphasised.</summary>
    Primary,

    /// <summary>Destructive.</summary>
    Danger,
}

/// <summary>An action button; <paramref name="ActionId"/> is what the platform sends back when pressed.</summary>
public sealed record MessageButton(string Label, string ActionId, string? Value = null, ButtonStyle Style = ButtonStyle.Default);

/// <summary>An image attached to a message, such as an alarm's metric chart.</summary>
/// <param name="FileName">File name offered to the platform, e.g. <c>chart.png</c>.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Data">The bytes.</param>
/// <param name="AltText">Text shown where images are not.</param>
public sealed record MessageImage(string FileName, string ContentType, ReadOnlyMemory<byte> Data, string AltText);

/// <summary>A file attached to a message, such as the full text of a long command output.</summary>
public sealed record MessageAttachment(string FileName, string ContentType, string Content);
