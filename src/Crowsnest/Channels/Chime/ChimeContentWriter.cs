using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Chime;

/// <summary>Writes a message as one Chime markdown text, part after part, until its length limit is reached.</summary>
internal static class ChimeContentWriter
{
    private const string Notice = "\n\n_Shortened to fit Chime's limit._";
    private const int MaxDetailsUrl = 400;

    /// <summary>Fills <paramref name="buffer"/> with <c>/md ...</c> of at most <paramref name="limit"/> chars; true when cut.</summary>
    public static bool Write(TextBuffer buffer, TextBuffer scratch, ChatMessage m, int limit)
    {
        var sink = new ChimeMarkdownSink();
        var details = SafeUrl.IsAllowed(m.DetailsUrl) && m.DetailsUrl!.Length <= MaxDetailsUrl;
        var noticeRoom = Notice.Length + (details ? m.DetailsUrl!.Length + 40 : 0);
        buffer.Reset(limit - noticeRoom - sink.Reserve);
        buffer.Force("/md ");
        sink.Begin(buffer);
        buffer.TryAppend(SeverityStyle.Emoji(m.Severity));
        buffer.TryAppend(" **");
        sink.Plain(PlainText.Fit(string.IsNullOrWhiteSpace(m.Title) ? m.EventType : m.Title, 300, scratch, singleLine: true));
        buffer.TryAppend("**");
        if (!string.IsNullOrWhiteSpace(m.Summary))
            Part(buffer, sink, "\n", null, m.Summary);
        var separator = "\n\n";
        foreach (var field in m.Fields)
        {
            Part(buffer, sink, separator, field.Label, field.Value, inlineLabel: true);
            separator = "\n";
        }
        foreach (var section in m.Sections)
            Part(buffer, sink, "\n\n", section.Heading, section.Text);
        Links(buffer, sink, m, scratch);
        Meta(buffer, sink, m, scratch);
        var trimmed = buffer.Truncated;
        if (trimmed)
        {
            buffer.Force(Notice);
            if (details)
            {
                buffer.StartPart(noticeRoom - Notice.Length);
                buffer.TryAppend(' ');
                sink.Begin(buffer);
                sink.Link("Open the full event", m.DetailsUrl);
            }
        }
        return trimmed;
    }

    private static void Part(TextBuffer buffer, ChimeMarkdownSink sink, string separator, string? label, string markdown, bool inlineLabel = false)
    {
        if (buffer.Truncated || !buffer.TryAppend(separator))
            return;
        sink.Begin(buffer);
        if (!string.IsNullOrWhiteSpace(label))
        {
            sink.Bold(true);
            sink.Plain(label);
            if (inlineLabel)
                buffer.TryAppend(':');
            sink.Bold(false);
            buffer.TryAppend(inlineLabel ? ' ' : '\n');
        }
        NeutralMarkdown.Write(markdown, sink);
        sink.Finish();
    }

    private static void Links(TextBuffer buffer, ChimeMarkdownSink sink, ChatMessage m, TextBuffer scratch)
    {
        var separator = "\n\n";
        foreach (var link in m.Links)
        {
            if (buffer.Truncated || !SafeUrl.IsAllowed(link.Url) || !buffer.TryAppend(separator))
                continue;
            separator = " \u00B7 ";
            sink.Begin(buffer);
            sink.Link(PlainText.Fit(string.IsNullOrWhiteSpace(link.Text) ? link.Url : link.Text, 200, scratch, singleLine: true), link.Url);
        }
    }

    private static void Meta(TextBuffer buffer, ChimeMarkdownSink sink, ChatMessage m, TextBuffer scratch)
    {
        if (buffer.Truncated || !buffer.TryAppend('\n'))
            return;
        sink.Begin(buffer);
        sink.Italic(true);
        sink.Plain(PlainText.Fit(m.EventType, 100, scratch, singleLine: true));
        if (!string.IsNullOrEmpty(m.Account))
        {
            buffer.TryAppend(" \u00B7 Account ");
            sink.Plain(PlainText.Fit(m.Account, 64, scratch, singleLine: true));
        }
        if (!string.IsNullOrEmpty(m.Region))
        {
            buffer.TryAppend(" \u00B7 ");
            sink.Plain(PlainText.Fit(m.Region, 64, scratch, singleLine: true));
        }
        if (m.OccurredAt is { } at)
        {
            buffer.TryAppend(" \u00B7 ");
            PlainText.TryAppendTime(buffer, at);
        }
        if (m.IsGeneric)
            buffer.TryAppend(" \u00B7 generic rendering");
        sink.Italic(false);
        sink.Finish();
    }
}
