using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crowsnest.Configuration.Model;

/// <summary>
/// Checks a JSON value against a shape of the API model — required members, types, lengths, ranges, patterns and
/// enums — and lists every problem at once, worded as AWS words them. Values of sensitive shapes are never echoed.
/// </summary>
public sealed class ModelValidator(ApiModel model)
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>The validator for the shipped AWS Chatbot model.</summary>
    public static ModelValidator Chatbot { get; } = new(ApiModel.Chatbot);

    /// <summary>Validates <paramref name="value"/> against the structure <paramref name="shapeName"/>.</summary>
    public IReadOnlyList<ValidationError> Validate(string shapeName, JsonElement value)
    {
        var errors = new List<ValidationError>();
        Check(shapeName, value, "", errors);
        return errors;
    }

    /// <summary>Validates one string against a string shape (for Crowsnest's own records), appending to <paramref name="errors"/>.</summary>
    public void CheckString(string shapeName, string? value, string path, List<ValidationError> errors)
    {
        if (value is null)
        {
            errors.Add(new ValidationError(path, $"Value null at '{path}' failed to satisfy constraint: Member must not be null"));
            return;
        }
        CheckStringValue(model.Shape(shapeName), value, path, errors);
    }

    private void Check(string shapeName, JsonElement value, string path, List<ValidationError> errors)
    {
        var shape = model.Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        switch (type)
        {
            case "structure":
                CheckStructure(shape, value, path, errors);
                break;
            case "list":
                CheckList(shape, value, path, errors);
                break;
            case "map":
                CheckMap(shape, value, path, errors);
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new ValidationError(path, $"Value at '{path}' failed to satisfy constraint: Member must be a string"));
                    return;
                }
                CheckStringValue(shape, value.GetString()!, path, errors);
                break;
            case "integer" or "long":
                CheckNumber(shape, value, path, errors);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(new ValidationError(path, $"Value at '{path}' failed to satisfy constraint: Member must be a boolean"));
                }
                break;
        }
    }

    private void CheckStructure(JsonElement shape, JsonElement value, string path, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(path, $"Value at '{path}' failed to satisfy constraint: Member must be an object"));
            return;
        }
        if (shape.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
                {
                    var memberPath = Join(path, name);
                    errors.Add(new ValidationError(memberPath, $"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null"));
                }
            }
        }
        foreach (var member in shape.GetProperty("members").EnumerateObject())
        {
            if (value.TryGetProperty(member.Name, out var memberValue))
            {
                Check(member.Value.GetProperty("shape").GetString()!, memberValue, Join(path, member.Name), errors);
            }
        }
    }

    private void CheckList(JsonElement shape, JsonElement value, string path, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError(path, $"Value at '{path}' failed to satisfy constraint: Member must be a list"));
            return;
        }
        CheckCount(shape, value.GetArrayLength(), path, errors);
        var memberShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            Check(memberShape, item, $"{path}.{++index}.member", errors);
        }
    }

    private void CheckMap(JsonElement shape, JsonElement value, string path, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(path, $"Value at '{path}' failed to satisfy constraint: Member must be a map"));
            return;
        }
        CheckCount(shape, value.EnumerateObject().Count(), path, errors);
        var keyShape = model.Shape(shape.GetProperty("key").GetProperty("shape").GetString()!);
        var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
        foreach (var entry in value.EnumerateObject())
        {
            CheckStringValue(keyShape, entry.Name, $"{path}.key", errors);
            Check(valueShape, entry.Value, $"{path}.{entry.Name}", errors);
        }
    }

    private static void CheckCount(JsonElement shape, int count, string path, List<ValidationError> errors)
    {
        if (shape.TryGetProperty("min", out var min) && count < min.GetInt64())
        {
            errors.Add(new ValidationError(path, $"Value at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min.GetInt64()}"));
        }
        if (shape.TryGetProperty("max", out var max) && count > max.GetInt64())
        {
            errors.Add(new ValidationError(path, $"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max.GetInt64()}"));
        }
    }

    private static void CheckNumber(JsonElement shape, JsonElement value, string path, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors.Add(new ValidationError(path, $"Value at '{path}' failed to satisfy constraint: Member must be an integer"));
            return;
        }
        if (shape.TryGetProperty("min", out var min) && number < min.GetInt64())
        {
            errors.Add(new ValidationError(path, $"Value '{number}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min.GetInt64()}"));
        }
        if (shape.TryGetProperty("max", out var max) && number > max.GetInt64())
        {
            errors.Add(new ValidationError(path, $"Value '{number}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max.GetInt64()}"));
        }
    }

    private static void CheckStringValue(JsonElement shape, string value, string path, List<ValidationError> errors)
    {
        var sensitive = shape.TryGetProperty("sensitive", out var s) && s.GetBoolean();
        var shown = sensitive ? "Value" : $"Value '{Truncate(value)}'";
        // Lengths count UTF-16 code units like the AWS services' Java validators.
        if (shape.TryGetProperty("min", out var min) && value.Length < min.GetInt64())
        {
            errors.Add(new ValidationError(path, $"{shown} at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min.GetInt64()}"));
        }
        if (shape.TryGetProperty("max", out var max) && value.Length > max.GetInt64())
        {
            errors.Add(new ValidationError(path, $"{shown} at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max.GetInt64()}"));
        }
        if (shape.TryGetProperty("pattern", out var pattern) && value.Length > 0 && !PatternOf(pattern.GetString()!).IsMatch(value))
        {
            errors.Add(new ValidationError(path, $"{shown} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern.GetString()}"));
        }
        if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == value))
        {
            var allowed = string.Join(", ", values.EnumerateArray().Select(v => v.GetString()));
            errors.Add(new ValidationError(path, $"{shown} at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{allowed}]"));
        }
    }

    private static Regex PatternOf(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));

    private static string Truncate(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 61), "...");

    private static string Join(string path, string member)
    {
        var camel = char.ToLower(member[0], CultureInfo.InvariantCulture) + member[1..];
        return path.Length == 0 ? camel : $"{path}.{camel}";
    }
}
