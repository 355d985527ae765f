using System.Text.Json;
using System.Text.RegularExpressions;
using Crowsnest.Channels.Slack;

namespace Crowsnest.Tests.Channels.Slack;

/// <summary>Checks a Slack payload against the documented Block Kit limits; returns every violation found.</summary>
internal static partial class BlockKitRules
{
    // Every "<" in mrkdwn must open a link or date token that Crowsnest writes; anything else is an injection.
    [GeneratedRegex(@"<(?!(?:https?://|mailto:)[^<>|\s]+\|[^<>]*>|!date\^\d+\^\{date_short_pretty\} \{time_secs\}\|[^<>]*>)")]
    private static partial Regex BareAngle();

    public static List<string> Check(JsonElement payload)
    {
        var errors = new List<string>();
        var text = payload.GetProperty("text").GetString()!;
        Mrkdwn("text", text, 4000, errors);
        var blocks = payload.GetProperty("attachments")[0].GetProperty("blocks");
        if (blocks.GetArrayLength() > SlackLimits.MaxBlocks)
            errors.Add($"{blocks.GetArrayLength()} blocks");
        var total = 0;
        foreach (var block in blocks.EnumerateArray())
            total += Block(block, errors);
        if (total > 12_000)
            errors.Add($"{total} chars of block text");
        return errors;
    }

    private static int Block(JsonElement block, List<string> errors)
    {
        var type = block.GetProperty("type").GetString();
        var total = 0;
        switch (type)
        {
            case "header":
                total += Plain("header", block.GetProperty("text"), SlackLimits.HeaderText, errors);
                break;
            case "section":
                if (block.TryGetProperty("text", out var t))
                    total += Mrkdwn("section", t.GetProperty("text").GetString()!, SlackLimits.SectionText, errors);
                if (block.TryGetProperty("fields", out var fields))
                {
                    if (fields.GetArrayLength() is 0 or > SlackLimits.MaxFields)
                        errors.Add($"{fields.GetArrayLength()} fields");
                    foreach (var f in fields.EnumerateArray())
                        total += Mrkdwn("field", f.GetProperty("text").GetString()!, SlackLimits.FieldText, errors);
                }
                else if (!block.TryGetProperty("text", out _))
                {
                    errors.Add("section without text or fields");
                }
                break;
            case "context":
                var elements = block.GetProperty("elements");
                if (elements.GetArrayLength() is 0 or > SlackLimits.ContextElements)
                    errors.Add($"{elements.GetArrayLength()} context elements");
                foreach (var e in elements.EnumerateArray())
                    total += Mrkdwn("context", e.GetProperty("text").GetString()!, 3000, errors);
                break;
            case "actions":
                Actions(block.GetProperty("elements"), errors);
                break;
            case "image":
                if (block.GetProperty("alt_text").GetString()!.Length is 0 or > SlackLimits.AltText)
                    errors.Add("image alt_text length");
                break;
            default:
                errors.Add($"unexpected block type {type}");
                break;
        }
        return total;
    }

    private static void Actions(JsonElement elements, List<string> errors)
    {
        if (elements.GetArrayLength() is 0 or > SlackLimits.ActionsElements)
            errors.Add($"{elements.GetArrayLength()} action elements");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var button in elements.EnumerateArray())
        {
            Plain("button", button.GetProperty("text"), SlackLimits.ButtonText, errors);
            var id = button.GetProperty("action_id").GetString()!;
            if (id.Length is 0 or > SlackLimits.ActionId || !ids.Add(id))
                errors.Add($"action_id '{id}' empty, too long or repeated");
            if (button.TryGetProperty("value", out var v) && v.GetString()!.Length > SlackLimits.ButtonValue)
                errors.Add("button value too long");
        }
    }

    private static int Plain(string where, JsonElement textObject, int max, List<string> errors)
    {
        var s = textObject.GetProperty("text").GetString()!;
        if (textObject.GetProperty("type").GetString() != "plain_text")
            errors.Add($"{where} is not plain_text");
        if (s.Length == 0 || s.Length > max)
            errors.Add($"{where} has {s.Length} chars (max {max})");
        return s.Length;
    }

    private static int Mrkdwn(string where, string s, int max, List<string> errors)
    {
        if (s.Length == 0 || s.Length > max || string.IsNullOrWhiteSpace(s))
            errors.Add($"{where} has {s.Length} chars (max {max})");
        if (BareAngle().Match(s) is { Success: true } m)
            errors.Add($"{where} has an unescaped '<' at {m.Index}: {s.Substring(m.Index, Math.Min(30, s.Length - m.Index))}");
        return s.Length;
    }
}
