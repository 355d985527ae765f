using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Slack;

/// <summary>Checks of text objects, lengths, arrays and elements; collects Slack-style error messages and counts text.</summary>
internal sealed class BlockKitChecker(List<string> errors)
{
    public int TextLength { get; private set; }

    public void TextObject(JsonNode? node, string at, int max, bool plainOnly = false)
    {
        var o = node as JsonObject;
        var type = BlockKitValidator.Str(o, "type");
        var text = BlockKitValidator.Str(o, "text");
        if (o is null || type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            errors.Add($"[ERROR] must be a {(plainOnly ? "plain_text" : "text")} object [json-pointer:{at}]");
            return;
        }
        if (string.IsNullOrEmpty(text))
        {
            errors.Add($"[ERROR] must be more than 0 characters [json-pointer:{at}/text]");
            return;
        }
        if ((type == "plain_text" && o["verbatim"] is not null) || (type == "mrkdwn" && o["emoji"] is not null))
        {
            errors.Add($"[ERROR] unsupported field for {type} [json-pointer:{at}]");
        }
        if (text.Length > max)
        {
            errors.Add($"[ERROR] must be less than {max + 1} characters [json-pointer:{at}/text]");
        }
        TextLength += text.Length;
    }

    public void Length(JsonObject o, string field, string at, int max, bool required)
    {
        var value = BlockKitValidator.Str(o, field);
        if (value is null)
        {
            if (required)
            {
                errors.Add($"[ERROR] missing required field: {field} [json-pointer:{at}/{field}]");
            }
            return;
        }
        if (value.Length > max)
        {
            errors.Add($"[ERROR] must be less than {max + 1} characters [json-pointer:{at}/{field}]");
        }
        TextLength += value.Length;
    }

    public void Array(JsonNode? node, string at, int min, int max, Action<JsonNode?, string> each)
    {
        if (node is not JsonArray items)
        {
            errors.Add($"[ERROR] must be an array [json-pointer:{at}]");
            return;
        }
        if (items.Count < min)
        {
            errors.Add($"[ERROR] must provide at least {min} items [json-pointer:{at}]");
        }
        if (items.Count > max)
        {
            errors.Add($"[ERROR] no more than {max} items allowed [json-pointer:{at}]");
        }
        for (var i = 0; i < items.Count; i++)
        {
            each(items[i], $"{at}/{i}");
        }
    }

    public void Element(JsonNode? node, string at)
    {
        if (node is not JsonObject e || BlockKitValidator.Str(e, "type") is not { } type)
        {
            errors.Add($"[ERROR] missing required field: type [json-pointer:{at}]");
            return;
        }
        if (BlockKitValidator.Str(e, "action_id") is { Length: > 255 })
        {
            errors.Add($"[ERROR] must be less than 256 characters [json-pointer:{at}/action_id]");
        }
        switch (type)
        {
            case "button":
                TextObject(e["text"], $"{at}/text", 75, plainOnly: true);
                Length(e, "value", at, 2000, required: false);
                Length(e, "url", at, 3000, required: false);
                if (BlockKitValidator.Str(e, "style") is { } style && style is not ("primary" or "danger"))
                {
                    errors.Add($"[ERROR] must be one of primary, danger [json-pointer:{at}/style]");
                }
                break;
            case "image":
                Length(e, "image_url", at, 3000, required: e["slack_file"] is null);
                Length(e, "alt_text", at, 2000, required: true);
                break;
            case "overflow":
                Array(e["options"], $"{at}/options", 1, 5, (_, _) => { });
                break;
            case "static_select" or "multi_static_select":
                if (e["options"] is not null)
                {
                    Array(e["options"], $"{at}/options", 1, 100, (_, _) => { });
                }
                break;
            default:
                break;
        }
    }
}
