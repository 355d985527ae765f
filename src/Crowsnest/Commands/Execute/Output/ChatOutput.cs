using System.Text;

namespace Crowsnest.Commands.Execute.Output;

/// <summary>A chat-sized reply: the text cut at a line boundary, with the full text as an attachment when it was cut.</summary>
public sealed record ChatOutput(string Text, string? Attachment, int OmittedLines)
{
    /// <summary>Slack sections hold 3000 characters; a code block's fences take a few.</summary>
    public const int DefaultLimit = 2900;

    public static ChatOutput From(string fullText, int limit = DefaultLimit, int maxLines = 40)
    {
        var lines = fullText.TrimEnd('\n').Split('\n');
        if (fullText.Length <= limit && lines.Length <= maxLines)
        {
            return new ChatOutput(fullText.TrimEnd('\n'), null, 0);
        }
        var sb = new StringBuilder();
        var kept = 0;
        foreach (var line in lines)
        {
            if (kept >= maxLines || sb.Length + line.Length + 1 > limit - 80)
            {
                break;
            }
            sb.Append(line).Append('\n');
            kept++;
        }
        var omitted = lines.Length - kept;
        sb.Append($"… {omitted} more line{(omitted == 1 ? "" : "s")}; the full output is attached.");
        return new ChatOutput(sb.ToString(), fullText, omitted);
    }
}
