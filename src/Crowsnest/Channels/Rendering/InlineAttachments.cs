using Crowsnest.Messages;

namespace Crowsnest.Channels.Rendering;

/// <summary>
/// For platforms that cannot take a file (incoming webhooks of Slack, Teams and Chime): each attached text file becomes
/// a last section, a code block cut to the platform's room. It comes after everything else, so when the renderer
/// trims to the platform's limits it is the file's tail that goes, never the message itself.
/// </summary>
public static class InlineAttachments
{
    /// <summary>Returns <paramref name="message"/> with its attachments as sections of at most <paramref name="maxChars"/> characters each.</summary>
    public static ChatMessage Inline(ChatMessage message, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Attachments.Count == 0)
        {
            return message;
        }
        var sections = new List<MessageSection>(message.Sections);
        foreach (var file in message.Attachments)
        {
            var text = file.Content.Replace("```", "'''", StringComparison.Ordinal).TrimEnd();
            if (text.Length > maxChars)
            {
                text = text[..maxChars].TrimEnd() + "\n…";
            }
            sections.Add(new MessageSection(file.FileName, "```\n" + text + "\n```"));
        }
        return message with { Sections = sections, Attachments = [] };
    }
}
