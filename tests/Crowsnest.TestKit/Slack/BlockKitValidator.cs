using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Slack;

/// <summary>The outcome of validating a <c>blocks</c> array: null <see cref="Error"/> when valid.</summary>
public sealed record BlockValidation(string? Error, IReadOnlyList<string> Messages, int TextLength)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Checks a message's Block Kit against Slack's documented limits (50 blocks, section text 3,000, 10 fields of
/// 2,000, header 150, context 10 elements, actions 25 elements, button text 75, …). Errors carry Slack's
/// <c>[ERROR] … [json-pointer:/blocks/…]</c> messages.
/// </summary>
public static class BlockKitValidator
{
    private static readonly HashSet<string> KnownBlocks = ["section", "header", "divider", "context", "actions", "image", "markdown", "rich_text", "input", "file", "video", "context_actions", "table"];

    public static BlockValidation Validate(JsonNode? blocks, int maxCumulativeText = 12_000)
    {
        if (blocks is not JsonArray array)
        {
            return new BlockValidation("invalid_blocks_format", ["[ERROR] blocks must be an array [json-pointer:/blocks]"], 0);
        }
        var errors = new List<string>();
        var total = 0;
        if (array.Count > 50)
        {
            errors.Add("[ERROR] no more than 50 items allowed [json-pointer:/blocks]");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            total += Block(array[i], $"/blocks/{i}", ids, errors);
        }
        if (errors.Count > 0)
        {
            return new BlockValidation("invalid_blocks", errors, total);
        }
        return total > maxCumulativeText
            ? new BlockValidation("msg_blocks_too_long", [$"[ERROR] the blocks' text exceeds {maxCumulativeText} characters [json-pointer:/blocks]"], total)
            : new BlockValidation(null, [], total);
    }

    private static int Block(JsonNode? node, string at, HashSet<string> ids, List<string> errors)
    {
        if (node is not JsonObject block || Str(block, "type") is not { } type)
        {
            errors.Add($"[ERROR] missing required field: type [json-pointer:{at}]");
            return 0;
        }
        if (Str(block, "block_id") is { } id && (id.Length > 255 || !ids.Add(id)))
        {
            errors.Add($"[ERROR] block_id must be unique and at most 255 characters [json-pointer:{at}/block_id]");
        }
        var v = new BlockKitChecker(errors);
        switch (type)
        {
            case "section":
                if (block["text"] is null && block["fields"] is null)
                {
                    errors.Add($"[ERROR] must provide either text or fields [json-pointer:{at}]");
                }
                if (block["text"] is not null)
                {
                    v.TextObject(block["text"], $"{at}/text", 3000);
                }
                if (block["fields"] is { } fields)
                {
                    v.Array(fields, $"{at}/fields", 1, 10, (f, p) => v.TextObject(f, p, 2000));
                }
                if (block["accessory"] is { } accessory)
                {
                    v.Element(accessory, $"{at}/accessory");
                }
                break;
            case "header":
                v.TextObject(block["text"], $"{at}/text", 150, plainOnly: true);
                break;
            case "context":
                v.Array(block["elements"], $"{at}/elements", 1, 10, (e, p) =>
                {
                    if (Str(e as JsonObject, "type") == "image")
                    {
                        v.Element(e, p);
                    }
                    else
                    {
                        v.TextObject(e, p, 3000);
                    }
                });
                break;
            case "actions":
                v.Array(block["elements"], $"{at}/elements", 1, 25, v.Element);
                break;
            case "image":
                v.Length(block, "image_url", at, 3000, required: block["slack_file"] is null);
                v.Length(block, "alt_text", at, 2000, required: true);
                if (block["title"] is not null)
                {
                    v.TextObject(block["title"], $"{at}/title", 2000, plainOnly: true);
                }
                break;
            case "markdown":
                v.Length(block, "text", at, 12_000, required: true);
                break;
            case "rich_text":
                v.Array(block["elements"], $"{at}/elements", 1, int.MaxValue, (_, _) => { });
                break;
            case "divider" or "file" or "video" or "input" or "context_actions" or "table":
                break;
            default:
                errors.Add($"[ERROR] unsupported type: {type} [json-pointer:{at}/type]");
                break;
        }
        return v.TextLength;
    }

    internal static string? Str(JsonObject? o, string name) =>
        o?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
