using System.Text.Json;

namespace Crowsnest.Aws.Models;

/// <summary>
/// One shape of an AWS API model as a member sees it: the shape's own definition combined with the traits of the
/// reference (location, locationName, flattened, ...). Members, list members and map keys/values resolve lazily,
/// so recursive shapes cost nothing until they are walked.
/// </summary>
public sealed class Shape
{
    private readonly JsonElement _definition;
    private readonly JsonElement _reference;
    private readonly ShapeResolver _resolver;
    private readonly Lazy<IReadOnlyDictionary<string, Shape>> _members;
    private readonly Lazy<Shape?> _member;
    private readonly Lazy<Shape?> _key;
    private readonly Lazy<Shape?> _value;

    internal Shape(JsonElement definition, JsonElement reference, ShapeResolver resolver)
    {
        _definition = definition;
        _reference = reference;
        _resolver = resolver;
        Type = Text("type") ?? "string";
        Location = Text("location");
        LocationName = Text("locationName");
        QueryName = Text("queryName");
        TimestampFormat = Text("timestampFormat");
        Flattened = Flag("flattened");
        XmlAttribute = Flag("xmlAttribute");
        Streaming = Flag("streaming");
        JsonValue = Flag("jsonvalue");
        IdempotencyToken = Flag("idempotencyToken");
        IsDocument = Flag("document");
        Sensitive = Flag("sensitive");
        Payload = Text("payload");
        ResultWrapper = Text("resultWrapper");
        if (Find("xmlNamespace") is { } ns)
        {
            XmlNamespaceUri = ns.ValueKind == JsonValueKind.String ? ns.GetString() : ns.TryGetProperty("uri", out var uri) ? uri.GetString() : null;
            XmlNamespacePrefix = ns.ValueKind == JsonValueKind.Object && ns.TryGetProperty("prefix", out var p) ? p.GetString() : null;
        }
        Required = definition.ValueKind == JsonValueKind.Object && definition.TryGetProperty("required", out var req)
            ? [.. req.EnumerateArray().Select(r => r.GetString()!)]
            : [];
        Enum = definition.ValueKind == JsonValueKind.Object && definition.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Select(v => v.GetString()!)]
            : [];
        _members = new(LoadMembers);
        _member = new(() => Child("member"));
        _key = new(() => Child("key"));
        _value = new(() => Child("value"));
    }

    /// <summary>structure, list, map, string, integer, long, float, double, boolean, timestamp or blob.</summary>
    public string Type { get; }
    public string? Location { get; }
    public string? LocationName { get; }
    public string? QueryName { get; }
    public string? TimestampFormat { get; }
    public bool Flattened { get; }
    public bool XmlAttribute { get; }
    public bool Streaming { get; }
    public bool JsonValue { get; }
    public bool IdempotencyToken { get; }
    public bool IsDocument { get; }
    public bool Sensitive { get; }
    public string? Payload { get; }
    public string? ResultWrapper { get; }
    public string? XmlNamespaceUri { get; }
    public string? XmlNamespacePrefix { get; }
    public IReadOnlyList<string> Required { get; }

    /// <summary>The allowed values of a string shape (empty when any value goes).</summary>
    public IReadOnlyList<string> Enum { get; }
    public IReadOnlyDictionary<string, Shape> Members => _members.Value;
    public Shape? Member => _member.Value;
    public Shape? Key => _key.Value;
    public Shape? Value => _value.Value;

    public bool IsStructure => Type == "structure";
    public bool IsList => Type == "list";
    public bool IsMap => Type == "map";
    public bool IsScalar => Type is not ("structure" or "list" or "map");
    public bool IsNumber => Type is "integer" or "long" or "float" or "double";

    private JsonElement? Find(string name)
    {
        if (_reference.ValueKind == JsonValueKind.Object && _reference.TryGetProperty(name, out var onRef))
        {
            return onRef;
        }
        return _definition.ValueKind == JsonValueKind.Object && _definition.TryGetProperty(name, out var onDef) ? onDef : null;
    }

    private string? Text(string name) => Find(name) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    private bool Flag(string name) => Find(name) is { ValueKind: JsonValueKind.True };

    private Shape? Child(string name) =>
        _definition.ValueKind == JsonValueKind.Object && _definition.TryGetProperty(name, out var child) ? _resolver.Resolve(child) : null;

    private IReadOnlyDictionary<string, Shape> LoadMembers()
    {
        if (_definition.ValueKind != JsonValueKind.Object || !_definition.TryGetProperty("members", out var members))
        {
            return new Dictionary<string, Shape>();
        }
        var result = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var m in members.EnumerateObject())
        {
            result[m.Name] = _resolver.Resolve(m.Value);
        }
        return result;
    }
}
