using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Commands.Parse;

/// <summary>
/// Turns untyped values (from shorthand or JSON) into values of a model shape, as the AWS CLI and botocore would:
/// numbers and booleans from strings, a single value wrapped where a list is expected, timestamps normalised to
/// ISO-8601 UTC, blobs as base64 of the UTF-8 text. Unknown structure members are refused with a suggestion.
/// </summary>
public static class ValueBinder
{
    public static JsonNode? Bind(Shape shape, JsonNode? value, string path, out string? error)
    {
        error = null;
        if (value is null)
        {
            return null;
        }
        if (shape.IsDocument || shape.JsonValue)
        {
            return value.DeepClone();
        }
        switch (shape.Type)
        {
            case "structure":
                return BindStructure(shape, value, path, out error);
            case "list":
                var items = value as JsonArray ?? [value.DeepClone()];
                var list = new JsonArray();
                for (var i = 0; i < items.Count; i++)
                {
                    var bound = Bind(shape.Member!, items[i], $"{path}[{i}]", out error);
                    if (error is not null)
                    {
                        return null;
                    }
                    list.Add(bound);
                }
                return list;
            case "map":
                if (value is not JsonObject map)
                {
                    error = $"{path} must be a map of key=value pairs.";
                    return null;
                }
                var result = new JsonObject();
                foreach (var (k, v) in map)
                {
                    var bound = Bind(shape.Value!, v, $"{path}.{k}", out error);
                    if (error is not null)
                    {
                        return null;
                    }
                    result[k] = bound;
                }
                return result;
            default:
                return BindScalar(shape, value, path, out error);
        }
    }

    /// <summary>Binds one scalar given as command-line text.</summary>
    public static JsonNode? BindScalar(Shape shape, JsonNode value, string path, out string? error)
    {
        error = null;
        if (value is JsonObject or JsonArray)
        {
            error = $"{path} must be a single {shape.Type} value.";
            return null;
        }
        var jsonValue = (JsonValue)value;
        var text = jsonValue.GetValueKind() == JsonValueKind.String ? jsonValue.GetValue<string>() : value.ToJsonString();
        switch (shape.Type)
        {
            case "integer" or "long":
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
                {
                    return JsonValue.Create(l);
                }
                break;
            case "float" or "double":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    return JsonValue.Create(d);
                }
                break;
            case "boolean":
                if (bool.TryParse(text, out var b))
                {
                    return JsonValue.Create(b);
                }
                break;
            case "timestamp":
                if (Timestamps.TryParse(text, out var t))
                {
                    return JsonValue.Create(Timestamps.Iso8601(t));
                }
                error = $"{path}: '{text}' is not a timestamp (use ISO-8601 like 2024-05-01T12:00:00Z, or epoch seconds).";
                return null;
            case "blob":
                return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
            default:
                return JsonValue.Create(text);
        }
        error = $"{path}: '{text}' is not a valid {shape.Type}.";
        return null;
    }

    private static JsonObject? BindStructure(Shape shape, JsonNode value, string path, out string? error)
    {
        error = null;
        if (value is not JsonObject obj)
        {
            error = $"{path} must be a structure (key=value pairs or a JSON object).";
            return null;
        }
        var result = new JsonObject();
        foreach (var (k, v) in obj)
        {
            if (!shape.Members.TryGetValue(k, out var member))
            {
                var near = CliNames.Nearest(k, shape.Members.Keys, 1);
                error = $"Unknown parameter in {path}: \"{k}\", must be one of: {string.Join(", ", shape.Members.Keys)}"
                    + (near.Count > 0 ? $". Did you mean \"{near[0]}\"?" : ".");
                return null;
            }
            var bound = Bind(member, v, $"{path}.{k}", out error);
            if (error is not null)
            {
                return null;
            }
            if (bound is not null)
            {
                result[k] = bound;
            }
        }
        var missing = shape.Required.Where(r => !result.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            error = $"Missing required parameter in {path}: \"{missing[0]}\".";
            return null;
        }
        return result;
    }
}
