using System.Text.Json;
using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Teams;

/// <summary>
/// Writes the Workflows webhook envelope with one Adaptive Card. <paramref name="textBudget"/> bounds all text in
/// the card; the renderer lowers it until the payload fits <see cref="TeamsLimits.TargetPayloadBytes"/>.
/// </summary>
internal sealed partial class TeamsCardWriter(Utf8JsonWriter w, RenderScratch scratch, ChatMessage m, RenderOptions o, int textBudget)
{
    private const int MinUsefulText = 40;

    private readonly TeamsMarkdownSink _sink = new();
    private int _text = textBudget;

    public bool Trimmed { get; private set; }

    public void Write()
    {
        var executes = o.Interactive && m.Buttons.Count > 0;
        w.WriteStartObject();
        w.WriteString("type", "message");
        w.WriteStartArray("attachments");
        w.WriteStartObject();
        w.WriteString("contentType", "application/vnd.microsoft.card.adaptive");
        w.WriteNull("contentUrl");
        w.WriteStartObject("content");
        w.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        w.WriteString("type", "AdaptiveCard");
        // Action.Execute needs 1.4+; without it 1.2 keeps the card readable on mobile clients.
        w.WriteString("version", executes ? "1.5" : "1.2");
        w.WriteStartObject("msteams");
        w.WriteString("width", "Full");
        w.WriteEndObject();
        w.WriteStartArray("body");
        Title();
        if (m.Summary is { } summary && Markdown(null, summary))
            TextBlock(scratch.Text.Span);
        Fields();
        Image();
        foreach (var section in m.Sections)
        {
            if (Markdown(section.Heading, section.Text))
                TextBlock(scratch.Text.Span);
        }
        Trimmed |= TeamsActions.Overflows(m, executes);
        Meta();
        w.WriteEndArray();
        TeamsActions.Write(w, m, scratch.Text2, executes, withDetails: Trimmed, submit: o.SubmitButtons);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void Title()
    {
        var buffer = scratch.Text;
        buffer.Reset(Math.Min(300, Math.Max(MinUsefulText, _text)));
        buffer.TryAppend(SeverityStyle.Emoji(m.Severity));
        buffer.TryAppend(' ');
        PlainText.AppendFitted(buffer, string.IsNullOrWhiteSpace(m.Title) ? m.EventType : m.Title, singleLine: true);
        Trimmed |= buffer.Truncated;
        _text -= buffer.Length;
        w.WriteStartObject();
        w.WriteString("type", "Container");
        w.WriteString("style", SeverityStyle.TeamsStyle(m.Severity));
        w.WriteBoolean("bleed", true);
        w.WriteStartArray("items");
        w.WriteStartObject();
        w.WriteString("type", "TextBlock");
        w.WriteString("text", buffer.Span);
        w.WriteString("weight", "Bolder");
        w.WriteString("size", "Medium");
        w.WriteBoolean("wrap", true);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private bool Markdown(string? heading, string markdown)
    {
        var limit = Math.Min(TeamsLimits.TextBlock, _text);
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
            buffer.TryAppend("\n\n");
        }
        NeutralMarkdown.Write(markdown, _sink);
        _sink.Finish();
        Trimmed |= buffer.Truncated;
        _text -= buffer.Length;
        return !buffer.Span.IsWhiteSpace();
    }

    private void TextBlock(ReadOnlySpan<char> text, bool subtle = false)
    {
        w.WriteStartObject();
        w.WriteString("type", "TextBlock");
        w.WriteString("text", text);
        w.WriteBoolean("wrap", true);
        if (subtle)
        {
            w.WriteBoolean("isSubtle", true);
            w.WriteString("size", "Small");
        }
        w.WriteEndObject();
    }
}
