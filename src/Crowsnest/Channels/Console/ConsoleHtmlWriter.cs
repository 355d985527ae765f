using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Console;

/// <summary>
/// Writes the console inbox fragment: an <c>&lt;article&gt;</c> with header, summary, fields, sections, image,
/// links, buttons and footer. Every text and attribute value goes through <see cref="HtmlSink"/> escaping.
/// </summary>
internal static class ConsoleHtmlWriter
{
    /// <summary>Longest text the console shows for one part; the rest is on the event page.</summary>
    private const int PartLimit = 20_000;

    /// <summary>Past this many chars, further fields and sections are left to the event page.</summary>
    private const int TotalLimit = 200_000;

    public static bool Write(TextBuffer html, ChatMessage m)
    {
        var sink = new HtmlSink();
        var trimmed = false;
        html.Reset(int.MaxValue);
        sink.Begin(html);
        var severity = SeverityStyle.Word(m.Severity);
        html.Force("<article class=\"cn-msg cn-sev-");
        html.Force(severity.ToLowerInvariant());
        html.Force(m.IsGeneric ? " cn-generic\" data-event-type=\"" : "\" data-event-type=\"");
        Part(html, sink, m.EventType, 200, ref trimmed);
        html.Force("\">\n<header><span class=\"cn-sev\">");
        html.Force(severity);
        html.Force("</span> <h3 class=\"cn-title\">");
        Part(html, sink, m.Title, 1000, ref trimmed);
        html.Force("</h3></header>\n");
        if (m.Summary is { } summary)
        {
            html.Force("<p class=\"cn-summary\">");
            Markdown(html, sink, summary, ref trimmed);
            html.Force("</p>\n");
        }
        if (m.Fields.Count > 0)
        {
            html.Force("<dl class=\"cn-fields\">");
            foreach (var f in m.Fields)
            {
                if (html.Length > TotalLimit)
                {
                    trimmed = true;
                    break;
                }
                html.Force(f.IsShort ? "<div><dt>" : "<div class=\"cn-wide\"><dt>");
                Part(html, sink, f.Label, 1000, ref trimmed);
                html.Force("</dt><dd>");
                Markdown(html, sink, f.Value, ref trimmed);
                html.Force("</dd></div>");
            }
            html.Force("</dl>\n");
        }
        foreach (var s in m.Sections)
        {
            if (html.Length > TotalLimit)
            {
                trimmed = true;
                break;
            }
            html.Force("<section>");
            if (!string.IsNullOrWhiteSpace(s.Heading))
            {
                html.Force("<h4>");
                Part(html, sink, s.Heading, 1000, ref trimmed);
                html.Force("</h4>");
            }
            html.Force("<div class=\"cn-text\">");
            Markdown(html, sink, s.Text, ref trimmed);
            html.Force("</div></section>\n");
        }
        ConsoleHtmlExtras.Write(html, sink, m, ref trimmed);
        html.Force("</article>\n");
        return trimmed;
    }

    /// <summary>Escaped plain text of at most <paramref name="limit"/> chars.</summary>
    public static void Part(TextBuffer html, HtmlSink sink, string? text, int limit, ref bool trimmed)
    {
        html.StartPart(limit);
        sink.Plain(text);
        sink.Finish();
        trimmed |= html.Truncated;
    }

    public static void Markdown(TextBuffer html, HtmlSink sink, string text, ref bool trimmed)
    {
        html.StartPart(PartLimit);
        NeutralMarkdown.Write(text, sink);
        sink.Finish();
        trimmed |= html.Truncated;
    }
}
