using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Slack;

/// <summary>
/// Writes a <c>chat.postMessage</c> / <c>chat.update</c> body or an incoming-webhook body: the notification fallback
/// <c>text</c> and one legacy attachment whose <c>color</c> is the severity bar and which carries the blocks.
/// </summary>
internal static class SlackPayloadWriter
{
    public static bool Write(RenderScratch scratch, ChatMessage m, RenderOptions o, bool webhook)
    {
        var w = scratch.StartJson();
        w.WriteStartObject();
        if (!webhook && !string.IsNullOrEmpty(o.Channel))
            w.WriteString("channel", o.Channel);
        if (!webhook && !string.IsNullOrEmpty(o.UpdateTarget))
            w.WriteString("ts", o.UpdateTarget);
        else if (!string.IsNullOrEmpty(o.ThreadId))
            w.WriteString("thread_ts", o.ThreadId);
        JsonStrings.Write(w, SlackJson.Text, Fallback(scratch, m));
        w.WriteStartArray("attachments");
        w.WriteStartObject();
        w.WriteString("color", SeverityStyle.HexColor(m.Severity));
        w.WriteStartArray("blocks");
        var blocks = new SlackBlockWriter(w, scratch, m, o);
        blocks.Write();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("unfurl_links", false);
        w.WriteBoolean("unfurl_media", false);
        w.WriteEndObject();
        return blocks.Trimmed;
    }

    /// <summary>The notification and screen-reader text: emoji, title and summary, escaped like any mrkdwn.</summary>
    private static ReadOnlySpan<char> Fallback(RenderScratch scratch, ChatMessage m)
    {
        var sink = new SlackMrkdwnSink();
        var buffer = scratch.Text;
        buffer.Reset(SlackLimits.FallbackText - sink.Reserve);
        sink.Begin(buffer);
        buffer.TryAppend(SeverityStyle.SlackEmoji(m.Severity));
        buffer.TryAppend(' ');
        sink.Plain(PlainText.Fit(m.Title, SlackLimits.HeaderText, scratch.Text2, singleLine: true));
        if (!string.IsNullOrWhiteSpace(m.Summary))
        {
            buffer.TryAppend(": ");
            NeutralMarkdown.Write(m.Summary, sink);
        }
        sink.Finish();
        return buffer.Span;
    }
}
