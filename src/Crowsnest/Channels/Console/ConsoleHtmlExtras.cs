using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Console;

/// <summary>The lower half of the console fragment: image, links, buttons, footer.</summary>
internal static class ConsoleHtmlExtras
{
    public static void Write(TextBuffer html, HtmlSink sink, ChatMessage m, ref bool trimmed)
    {
        if (m.Image is { } image && image.ContentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp")
        {
            html.Force("<figure class=\"cn-image\"><img alt=\"");
            ConsoleHtmlWriter.Part(html, sink, image.AltText, 2000, ref trimmed);
            html.Force("\" src=\"data:");
            html.Force(image.ContentType);
            html.Force(";base64,");
            AppendBase64(html, image.Data.Span);
            html.Force("\"></figure>\n");
        }
        var links = false;
        foreach (var link in m.Links)
        {
            if (!SafeUrl.IsAllowed(link.Url))
                continue;
            html.Force(links ? " " : "<nav class=\"cn-links\">");
            links = true;
            html.StartPart(4000);
            sink.Link(string.IsNullOrWhiteSpace(link.Text) ? link.Url : link.Text, link.Url);
            sink.Finish();
        }
        if (links)
            html.Force("</nav>\n");
        if (m.Buttons.Count > 0)
        {
            html.Force("<div class=\"cn-buttons\">");
            foreach (var b in m.Buttons)
            {
                html.Force(b.Style switch
                {
                    ButtonStyle.Primary => "<button type=\"button\" class=\"cn-primary\" data-action-id=\"",
                    ButtonStyle.Danger => "<button type=\"button\" class=\"cn-danger\" data-action-id=\"",
                    _ => "<button type=\"button\" data-action-id=\"",
                });
                ConsoleHtmlWriter.Part(html, sink, b.ActionId, 255, ref trimmed);
                html.Force("\" data-value=\"");
                ConsoleHtmlWriter.Part(html, sink, b.Value, 2000, ref trimmed);
                html.Force("\">");
                ConsoleHtmlWriter.Part(html, sink, b.Label, 200, ref trimmed);
                html.Force("</button>");
            }
            html.Force("</div>\n");
        }
        Footer(html, sink, m, ref trimmed);
    }

    private static void Footer(TextBuffer html, HtmlSink sink, ChatMessage m, ref bool trimmed)
    {
        html.Force("<footer class=\"cn-meta\">");
        ConsoleHtmlWriter.Part(html, sink, m.EventType, 200, ref trimmed);
        if (!string.IsNullOrEmpty(m.Account))
        {
            html.Force(" \u00B7 Account ");
            ConsoleHtmlWriter.Part(html, sink, m.Account, 64, ref trimmed);
        }
        if (!string.IsNullOrEmpty(m.Region))
        {
            html.Force(" \u00B7 ");
            ConsoleHtmlWriter.Part(html, sink, m.Region, 64, ref trimmed);
        }
        if (m.OccurredAt is { } at)
        {
            html.Force(" \u00B7 <time datetime=\"");
            html.StartPart(64);
            html.TryAppendFormatted(at.ToUniversalTime(), "yyyy-MM-ddTHH:mm:ssZ");
            html.Force("\">");
            PlainText.TryAppendTime(html, at);
            html.Force("</time>");
        }
        if (m.IsGeneric)
            html.Force(" \u00B7 generic rendering");
        if (trimmed && SafeUrl.IsAllowed(m.DetailsUrl))
        {
            html.Force(" \u00B7 shortened: ");
            html.StartPart(4000);
            sink.Link("open the full event", m.DetailsUrl);
            sink.Finish();
        }
        html.Force("</footer>\n");
    }

    private static void AppendBase64(TextBuffer html, ReadOnlySpan<byte> data)
    {
        Span<char> chunk = stackalloc char[4096];
        // 3,072 bytes encode to exactly 4,096 chars, so chunks concatenate without padding in between.
        for (var i = 0; i < data.Length; i += 3072)
        {
            var part = data.Slice(i, Math.Min(3072, data.Length - i));
            Convert.TryToBase64Chars(part, chunk, out var written);
            html.Force(chunk[..written]);
        }
    }
}
