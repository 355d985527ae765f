using System.Text.Json;
using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Teams;

/// <summary>
/// Card actions: links as <c>Action.OpenUrl</c>, buttons as <c>Action.Execute</c> (or <c>Action.Submit</c>) only when a bot can answer them,
/// and a link to the full event when the card was shortened; at most <see cref="TeamsLimits.MaxActions"/>.
/// </summary>
internal static class TeamsActions
{
    public static bool Overflows(ChatMessage m, bool executes) =>
        ValidLinks(m) + (executes ? m.Buttons.Count : 0) > TeamsLimits.MaxActions;

    public static void Write(Utf8JsonWriter w, ChatMessage m, TextBuffer buffer, bool executes, bool withDetails, bool submit = false)
    {
        var details = withDetails && SafeUrl.IsAllowed(m.DetailsUrl);
        var room = TeamsLimits.MaxActions - (details ? 1 : 0);
        if (room == TeamsLimits.MaxActions && ValidLinks(m) == 0 && !executes)
            return;
        w.WriteStartArray("actions");
        foreach (var link in m.Links)
        {
            if (room == 0)
                break;
            if (!SafeUrl.IsAllowed(link.Url))
                continue;
            OpenUrl(w, string.IsNullOrWhiteSpace(link.Text) ? link.Url : link.Text, link.Url, buffer);
            room--;
        }
        if (executes)
        {
            foreach (var b in m.Buttons)
            {
                if (room == 0)
                    break;
                w.WriteStartObject();
                w.WriteString("type", submit ? "Action.Submit" : "Action.Execute");
                w.WriteString("title", PlainText.Fit(string.IsNullOrWhiteSpace(b.Label) ? b.ActionId : b.Label, 80, buffer, singleLine: true));
                if (!submit)
                    w.WriteString("verb", Cap(b.ActionId, 255));
                if (b.Style != ButtonStyle.Default)
                    w.WriteString("style", b.Style == ButtonStyle.Danger ? "destructive" : "positive");
                w.WriteStartObject("data");
                w.WriteString("actionId", Cap(b.ActionId, 255));
                if (b.Value is not null)
                    w.WriteString("value", Cap(b.Value, 2000));
                w.WriteEndObject();
                w.WriteEndObject();
                room--;
            }
        }
        if (details)
            OpenUrl(w, "Open the full event", m.DetailsUrl!, buffer);
        w.WriteEndArray();
    }

    private static ReadOnlySpan<char> Cap(string? s, int max) => s is null ? [] : s.AsSpan(0, Math.Min(s.Length, max));

    private static int ValidLinks(ChatMessage m)
    {
        var n = 0;
        foreach (var link in m.Links)
        {
            if (SafeUrl.IsAllowed(link.Url))
                n++;
        }
        return n;
    }

    private static void OpenUrl(Utf8JsonWriter w, string title, string url, TextBuffer buffer)
    {
        w.WriteStartObject();
        w.WriteString("type", "Action.OpenUrl");
        w.WriteString("title", PlainText.Fit(title, 80, buffer, singleLine: true));
        w.WriteString("url", url);
        w.WriteEndObject();
    }
}
