using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Slack;

/// <summary>The blocks after the content: links, the context line and the note that the message was shortened.</summary>
internal sealed partial class SlackBlockWriter
{
    private void Links()
    {
        var buffer = scratch.Text;
        buffer.Reset(LinksText - _sink.Reserve);
        _sink.Begin(buffer);
        // Indexed: a foreach over the interface would box the list's enumerator for every message.
        for (var i = 0; i < m.Links.Count; i++)
        {
            var link = m.Links[i];
            if (i > 0)
                buffer.TryAppend(" \u00B7 ");
            var text = string.IsNullOrWhiteSpace(link.Text) ? link.Url : link.Text;
            if (SafeUrl.IsAllowed(link.Url))
                _sink.Link(PlainText.Fit(text, 200, scratch.Text2, singleLine: true), link.Url);
            else
                _sink.Plain(PlainText.Fit(text, 200, scratch.Text2, singleLine: true));
        }
        _sink.Finish();
        Trimmed |= buffer.Truncated;
        SlackJson.MrkdwnSection(w, buffer.Length == 0 ? "\u00A0" : buffer.Span);
    }

    private void Meta()
    {
        var buffer = scratch.Text;
        buffer.Reset(MetaText - _sink.Reserve);
        _sink.Begin(buffer);
        buffer.TryAppend('`');
        _sink.Plain(PlainText.Fit(m.EventType, 100, scratch.Text2, singleLine: true));
        buffer.TryAppend('`');
        if (!string.IsNullOrEmpty(m.Account))
        {
            buffer.TryAppend(" \u00B7 Account ");
            _sink.Plain(PlainText.Fit(m.Account, 64, scratch.Text2, singleLine: true));
        }
        if (!string.IsNullOrEmpty(m.Region))
        {
            buffer.TryAppend(" \u00B7 ");
            _sink.Plain(PlainText.Fit(m.Region, 64, scratch.Text2, singleLine: true));
        }
        if (m.OccurredAt is { } at)
        {
            // Slack shows the date token in each reader's time zone; the text after | is the fallback.
            buffer.TryAppend(" \u00B7 <!date^");
            buffer.TryAppendFormatted(at.ToUnixTimeSeconds(), default);
            buffer.TryAppend("^{date_short_pretty} {time_secs}|");
            PlainText.TryAppendTime(buffer, at);
            buffer.TryAppend('>');
        }
        if (m.IsGeneric)
            buffer.TryAppend(" \u00B7 _generic rendering_");
        _sink.Finish();
        SlackJson.MrkdwnContext(w, buffer.Span);
    }

    private void Notice()
    {
        var buffer = scratch.Text;
        buffer.Reset(NoticeText - _sink.Reserve);
        _sink.Begin(buffer);
        buffer.TryAppend("_Shortened to fit Slack's limits._");
        if (SafeUrl.IsAllowed(m.DetailsUrl) && m.DetailsUrl!.Length < NoticeText - 80)
        {
            buffer.TryAppend(' ');
            _sink.Link("Open the full event", m.DetailsUrl);
        }
        _sink.Finish();
        SlackJson.MrkdwnContext(w, buffer.Span);
    }
}
