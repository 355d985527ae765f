using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Api;

/// <summary>One authenticated API call: its validated JSON input and who made it.</summary>
internal sealed record ApiCall(string Operation, JsonElement Input, string Actor, string CorrelationId, CancellationToken CancellationToken)
{
    public string? Str(string name) => Input.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool Has(string name) => Input.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public bool? Bool(string name) => Input.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public int? Int(string name) => Input.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    public IReadOnlyList<string>? StrList(string name) =>
        Input.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : null;

    /// <summary>AWS's <c>[{TagKey, TagValue}]</c> list.</summary>
    public IReadOnlyList<Storage.ResourceTag> Tags(string name = "Tags") =>
        Input.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(t => new Storage.ResourceTag(t.GetProperty("TagKey").GetString()!, t.GetProperty("TagValue").GetString() ?? ""))]
            : [];
}

/// <summary>An operation's answer: an output object, or an AWS error.</summary>
internal sealed record ApiOutcome(JsonObject? Output, AwsError? Error)
{
    public static ApiOutcome Empty => new(new JsonObject(), null);

    public static implicit operator ApiOutcome(JsonObject output) => new(output, null);

    public static implicit operator ApiOutcome(AwsError error) => new(null, error);
}

/// <summary>Handles one operation.</summary>
internal delegate Task<ApiOutcome> ApiHandler(ApiCall call);
