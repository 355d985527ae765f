using System.Globalization;
using System.Text.Json;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>Tolerant readers over <see cref="JsonElement"/>: a missing or odd field gives null, never an exception.</summary>
internal static class JsonRead
{
    /// <summary>
    /// The property, or default when this is not an object or has no such property. Names are UTF-8 literals
    /// (<c>"name"u8</c>): no transcoding per lookup.
    /// </summary>
    public static JsonElement Prop(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>Follows two property names.</summary>
    public static JsonElement Path(this JsonElement element, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        element.Prop(first).Prop(second);

    /// <summary>Follows three property names.</summary>
    public static JsonElement Path(this JsonElement element, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third) =>
        element.Prop(first).Prop(second).Prop(third);

    /// <summary>A property as text: strings as they are, numbers and booleans as written, null/missing/empty as null.</summary>
    public static string? Str(this JsonElement element, ReadOnlySpan<byte> name) => element.Prop(name).Text();

    /// <summary>The first of two property names that has a value.</summary>
    public static string? Str(this JsonElement element, ReadOnlySpan<byte> name, ReadOnlySpan<byte> alternative) =>
        element.Str(name) ?? element.Str(alternative);

    /// <summary>A number, also when written as a string.</summary>
    public static double? Num(this JsonElement element, ReadOnlySpan<byte> name) => element.Prop(name).Number();

    /// <summary>A boolean, also when written as a string.</summary>
    public static bool? Bool(this JsonElement element, ReadOnlySpan<byte> name) => element.Prop(name).Boolean();

    /// <summary>The elements of an array property (none when missing or not an array).</summary>
    public static JsonElement.ArrayEnumerator Items(this JsonElement element, ReadOnlySpan<byte> name) => element.Prop(name).Items();

    /// <summary>The first element of an array property (default when missing, empty or not an array); nothing boxed.</summary>
    public static JsonElement FirstItem(this JsonElement element, ReadOnlySpan<byte> name) => element.Prop(name).FirstItem();

    /// <summary>The first element of this array (default when empty or not an array).</summary>
    public static JsonElement FirstItem(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 ? value[0] : default;

    /// <summary>How many elements an array property has (0 when missing or not an array).</summary>
    public static int ItemCount(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : 0;

    /// <summary>The strings of an array property.</summary>
    public static IReadOnlyList<string> Strings(this JsonElement element, ReadOnlySpan<byte> name) => element.Prop(name).StringList();

    /// <summary>True when the object has the property.</summary>
    public static bool Has(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    /// <summary>A property named at run time (a name read from the event itself), as text.</summary>
    public static string? Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.Text() : null;

    /// <summary>This value as text (see <see cref="Str(JsonElement, ReadOnlySpan{byte})"/>).</summary>
    public static string? Text(this JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => StringOrNull(value),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The string, or null when it is not valid Unicode (a lone surrogate escape): odd fields never throw.</summary>
    private static string? StringOrNull(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>This value as a number, also when written as a string.</summary>
    public static double? Number(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>This value as a boolean, also when written as a string.</summary>
    public static bool? Boolean(this JsonElement value)
    {
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var b) => b,
            _ => null,
        };
    }

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement;

    /// <summary>The elements of this array (none when not an array); a struct enumerator, so a foreach allocates nothing.</summary>
    public static JsonElement.ArrayEnumerator Items(this JsonElement value) =>
        (value.ValueKind == JsonValueKind.Array ? value : EmptyArray).EnumerateArray();

    /// <summary>The strings of this array (a single string or number as a list of one; none for anything else).</summary>
    public static IReadOnlyList<string> StringList(this JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return array.Text() is { } single ? [single] : [];
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.Text() is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    /// <summary>True when this is an object.</summary>
    public static bool IsObject(this JsonElement element) => element.ValueKind == JsonValueKind.Object;

    /// <summary>Parses a property whose value is a JSON document in a string.</summary>
    public static JsonElement Embedded(this JsonElement element, ReadOnlySpan<byte> name) => element.Prop(name).EmbeddedDocument();

    /// <summary>This string value parsed as a JSON document (default when it is not one); other values as they are.</summary>
    public static JsonElement EmbeddedDocument(this JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        var text = value.GetString();
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] is not ('{' or '['))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>The object's string-like properties as name/value pairs, for generic field lists.</summary>
    public static IEnumerable<(string Name, string Value)> Scalars(this JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.Text() is { } text)
            {
                yield return (property.Name, text);
            }
        }
    }
}
