using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Commands.Parse;

/// <summary>Binds the words after one option to its member, by the member's type (AWS CLI v1 argprocess rules).</summary>
internal static class ArgumentBinder
{
    public static JsonNode? Bind(Argument argument, IReadOnlyList<string> values, out string? error)
    {
        error = null;
        var shape = argument.Shape;
        var option = "--" + argument.CliName;
        if (values.Count == 0)
        {
            error = $"{option} expects a value.";
            return null;
        }
        if (shape.Streaming)
        {
            error = $"{option} is a streaming upload, which needs a local file; Crowsnest does not read files from chat.";
            return null;
        }
        if (shape.IsList)
        {
            if (values.Count == 1 && values[0].TrimStart().StartsWith('['))
            {
                return FromJson(shape, values[0], option, out error);
            }
            var items = new JsonArray();
            foreach (var v in values)
            {
                var item = shape.Member!.IsScalar ? JsonValue.Create(v) : Structured(shape.Member, v, option, out error);
                if (error is not null)
                {
                    return null;
                }
                items.Add(item);
            }
            return ValueBinder.Bind(shape, items, option, out error);
        }
        if (values.Count > 1)
        {
            error = $"Unknown options: {values[1]} ({option} takes one value; quote values that contain spaces).";
            return null;
        }
        if (shape.IsStructure || shape.IsMap || shape.IsDocument)
        {
            var node = Structured(shape, values[0], option, out error);
            return error is null ? ValueBinder.Bind(shape, node, option, out error) : null;
        }
        return ValueBinder.BindScalar(shape, JsonValue.Create(values[0]), option, out error);
    }

    // One JSON value or one shorthand value (untyped; the caller binds it to the shape).
    private static JsonNode? Structured(Shape shape, string text, string option, out string? error)
    {
        error = null;
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('[') || shape.IsDocument)
        {
            return ParseJson(text, option, out error);
        }
        if (shape.IsStructure && shape.Members.Count == 1 && shape.Members.TryGetValue("Value", out var only) && only.Type == "string")
        {
            return new JsonObject { ["Value"] = text };
        }
        var parsed = ShorthandParser.Parse(text, out var shorthandError);
        if (parsed is null)
        {
            error = $"{option}: {shorthandError}";
        }
        return parsed;
    }

    private static JsonNode? FromJson(Shape shape, string text, string option, out string? error)
    {
        var node = ParseJson(text, option, out error);
        return error is null ? ValueBinder.Bind(shape, node, option, out error) : null;
    }

    private static JsonNode? ParseJson(string text, string option, out string? error)
    {
        error = null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            error = $"{option}: invalid JSON ({e.Message.Split(". ")[0]}).";
            return null;
        }
    }
}
