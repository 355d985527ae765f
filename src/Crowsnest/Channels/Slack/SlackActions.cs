using System.Text.Json;
using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;
using static Crowsnest.Channels.Slack.SlackLimits;

namespace Crowsnest.Channels.Slack;

/// <summary>Writes the actions block: at most 25 buttons, each text, id and value cut to its limit, ids unique.</summary>
internal static class SlackActions
{
    /// <summary>Writes the block; returns true when buttons or their texts were cut.</summary>
    public static bool Write(Utf8JsonWriter w, IReadOnlyList<MessageButton> buttons, TextBuffer buffer)
    {
        var trimmed = buttons.Count > ActionsElements;
        var count = Math.Min(buttons.Count, ActionsElements);
        w.WriteStartObject();
        w.WriteString(SlackJson.Type, "actions");
        w.WriteStartArray(SlackJson.Elements);
        for (var i = 0; i < count; i++)
        {
            var b = buttons[i];
            w.WriteStartObject();
            w.WriteString(SlackJson.Type, "button");
            var label = string.IsNullOrWhiteSpace(b.Label) ? (string.IsNullOrWhiteSpace(b.ActionId) ? "Action" : b.ActionId) : b.Label;
            trimmed |= label.Length > ButtonText;
            SlackJson.PlainText(w, SlackJson.Text, PlainText.Fit(label, ButtonText, buffer, singleLine: true));
            WriteActionId(w, buttons, i, buffer);
            if (!string.IsNullOrEmpty(b.Value))
            {
                trimmed |= b.Value.Length > ButtonValue;
                w.WriteString("value", b.Value.Length <= ButtonValue ? b.Value : b.Value.AsSpan(0, ButtonValue));
            }
            if (b.Style != ButtonStyle.Default)
                w.WriteString("style", b.Style == ButtonStyle.Danger ? "danger" : "primary");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        return trimmed;
    }

    private static void WriteActionId(Utf8JsonWriter w, IReadOnlyList<MessageButton> buttons, int index, TextBuffer buffer)
    {
        var id = buttons[index].ActionId ?? "";
        var duplicate = id.Length == 0;
        for (var j = 0; j < index && !duplicate; j++)
            duplicate = string.Equals(buttons[j].ActionId, id, StringComparison.Ordinal);
        if (!duplicate && id.Length <= ActionId)
        {
            w.WriteString("action_id", id);
            return;
        }
        // Slack rejects repeated action ids within a block; keep them unique with the button's position.
        buffer.Reset(ActionId);
        buffer.AppendPartial(id.AsSpan(0, Math.Min(id.Length, ActionId - 8)));
        buffer.TryAppend("#");
        buffer.TryAppendFormatted(index, default);
        w.WriteString("action_id", buffer.Span);
    }
}
