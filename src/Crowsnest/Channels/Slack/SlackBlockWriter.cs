using System.Text.Json;
using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;
using static Crowsnest.Channels.Slack.SlackLimits;

namespace Crowsnest.Channels.Slack;

/// <summary>
/// Writes a message's Block Kit blocks within Slack's limits: every text is cut to its own limit and to a shared
/// budget, parts that find no room are dropped, and a closing note links to the full event when anything was cut.
/// </summary>
internal sealed partial class SlackBlockWriter(Utf8JsonWriter w, RenderScratch scratch, ChatMessage m, RenderOptions o)
{
    // Text reserved up front for the parts written last.
    private const int LinksText = 1500;
    private const int MetaText = 500;
    private const int NoticeText = 400;
    private const int MinUsefulText = 40;

    private readonly SlackMrkdwnSink _sink = new();
    private int _blocks;
    private int _text;

    public bool Trimmed { get; private set; }

    public void Write()
    {
        var image = ImageReference();
        var links = m.Links.Count > 0;
        var actions = m.Buttons.Count > 0;
        _blocks = MaxBlocks - (1 + (m.Summary is null ? 0 : 1) + (image ? 1 : 0) + (links ? 1 : 0) + (actions ? 1 : 0) + 2);
        _text = TotalBlockText - HeaderText - MetaText - NoticeText - (links ? LinksText : 0);

        Header();
        if (m.Summary is { } summary && Markdown(null, summary, SectionText))
            SlackJson.MrkdwnSection(w, scratch.Text.Span);
        Fields();
        if (image)
            Image();
        Sections();
        if (links)
            Links();
        if (actions)
            Trimmed |= SlackActions.Write(w, m.Buttons, scratch.Text2);
        Meta();
        if (Trimmed)
            Notice();
    }

    private void Header()
    {
        var buffer = scratch.Text;
        buffer.Reset(HeaderText - 1);
        buffer.TryAppend(SeverityStyle.SlackEmoji(m.Severity));
        buffer.TryAppend(' ');
        PlainText.AppendFitted(buffer, string.IsNullOrWhiteSpace(m.Title) ? m.EventType : m.Title, singleLine: true);
        Trimmed |= buffer.Truncated;
        w.WriteStartObject();
        w.WriteString(SlackJson.Type, "header");
        SlackJson.PlainText(w, SlackJson.Text, buffer.Span);
        w.WriteEndObject();
    }

    /// <summary>Converts a heading and markdown into <see cref="RenderScratch.Text"/>; false when nothing useful results.</summary>
    private bool Markdown(string? heading, string markdown, int limit)
    {
        limit = Math.Min(limit, _text);
        if (limit < MinUsefulText)
        {
            Trimmed = true;
            return false;
        }
        var buffer = scratch.Text;
        buffer.Reset(limit - _sink.Reserve);
        _sink.Begin(buffer);
        if (!string.IsNullOrWhiteSpace(heading))
        {
            _sink.Bold(true);
            _sink.Plain(heading);
            _sink.Bold(false);
            buffer.TryAppend('\n');
        }
        NeutralMarkdown.Write(markdown, _sink);
        _sink.Finish();
        Trimmed |= buffer.Truncated;
        if (buffer.Span.IsWhiteSpace())
            return false;
        _text -= buffer.Length;
        return true;
    }

    private bool TakeBlock()
    {
        if (_blocks > 0 && _text >= MinUsefulText)
        {
            _blocks--;
            return true;
        }
        Trimmed = true;
        return false;
    }

    private void Fields()
    {
        var fields = m.Fields;
        var i = 0;
        while (i < fields.Count)
        {
            if (!TakeBlock())
                return;
            if (!fields[i].IsShort)
            {
                if (Markdown(fields[i].Label, fields[i].Value, SectionText))
                    SlackJson.MrkdwnSection(w, scratch.Text.Span);
                i++;
                continue;
            }
            // The section is opened by its first non-empty field, so a group of empty fields writes nothing.
            var written = 0;
            while (i < fields.Count && fields[i].IsShort && written < MaxFields)
            {
                if (Markdown(fields[i].Label, fields[i].Value, FieldText))
                {
                    if (written++ == 0)
                    {
                        w.WriteStartObject();
                        w.WriteString(SlackJson.Type, SlackJson.Section);
                        w.WriteStartArray(SlackJson.Fields);
                    }
                    SlackJson.MrkdwnText(w, scratch.Text.Span);
                }
                i++;
            }
            if (written == 0)
            {
                _blocks++;
                continue;
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    private bool ImageReference() =>
        !string.IsNullOrEmpty(o.SlackImageFileId) || (SafeUrl.IsAllowed(o.ImageUrl) && o.ImageUrl!.Length <= SlackLimits.ImageUrl);

    private void Image()
    {
        w.WriteStartObject();
        w.WriteString(SlackJson.Type, "image");
        if (!string.IsNullOrEmpty(o.SlackImageFileId))
        {
            w.WriteStartObject("slack_file");
            w.WriteString("id", o.SlackImageFileId);
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("image_url", o.ImageUrl);
        }
        var alt = m.Image?.AltText is { Length: > 0 } a && !string.IsNullOrWhiteSpace(a) ? a : m.Title;
        w.WriteString("alt_text", PlainText.Fit(string.IsNullOrWhiteSpace(alt) ? "chart" : alt, AltText, scratch.Text));
        w.WriteEndObject();
    }

    private void Sections()
    {
        for (var i = 0; i < m.Sections.Count; i++)
        {
            var section = m.Sections[i];
            if (!TakeBlock())
                return;
            if (Markdown(section.Heading, section.Text, SectionText))
                SlackJson.MrkdwnSection(w, scratch.Text.Span);
        }
    }
}
