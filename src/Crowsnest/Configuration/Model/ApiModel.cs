using System.Collections.Frozen;
using System.Text.Json;

namespace Crowsnest.Configuration.Model;

/// <summary>One operation of the AWS Chatbot API as its model defines it.</summary>
/// <param name="Name">E.g. <c>CreateSlackChannelConfiguration</c>.</param>
/// <param name="RequestUri">E.g. <c>/create-slack-channel-configuration</c>.</param>
/// <param name="SuccessStatus">The HTTP status of a successful answer.</param>
/// <param name="InputShape">The input structure's shape name, if any.</param>
/// <param name="OutputShape">The output structure's shape name, if any.</param>
/// <param name="Errors">The error shapes the operation may answer with.</param>
public sealed record ApiOperation(string Name, string RequestUri, int SuccessStatus, string? InputShape, string? OutputShape, IReadOnlyList<string> Errors);

/// <summary>
/// The AWS Chatbot API model (2017-10-11), shipped as data (names, shapes, lengths and patterns; no prose):
/// the single source of the API's validation rules, request URIs and error statuses.
/// </summary>
public sealed class ApiModel
{
    private readonly FrozenDictionary<string, JsonElement> _shapes;

    private ApiModel(JsonDocument document)
    {
        var root = document.RootElement;
        _shapes = root.GetProperty("shapes").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var operations = new List<ApiOperation>();
        foreach (var op in root.GetProperty("operations").EnumerateObject())
        {
            var http = op.Value.GetProperty("http");
            operations.Add(new ApiOperation(
                op.Name,
                http.GetProperty("requestUri").GetString()!,
                http.TryGetProperty("responseCode", out var code) ? code.GetInt32() : 200,
                ShapeName(op.Value, "input"),
                ShapeName(op.Value, "output"),
                [.. op.Value.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("shape").GetString()!)]));
        }
        Operations = operations;
        ApiVersion = root.GetProperty("metadata").GetProperty("apiVersion").GetString()!;
    }

    /// <summary>The model shipped with Crowsnest.</summary>
    public static ApiModel Chatbot { get; } = Load();

    /// <summary><c>2017-10-11</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>Every operation.</summary>
    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>A shape by name.</summary>
    public JsonElement Shape(string name) => _shapes[name];

    /// <summary>Whether a shape exists.</summary>
    public bool HasShape(string name) => _shapes.ContainsKey(name);

    /// <summary>The HTTP status of an error shape (500 when the model gives none).</summary>
    public int ErrorStatus(string errorShape) =>
        _shapes.TryGetValue(errorShape, out var shape) && shape.TryGetProperty("error", out var error) && error.TryGetProperty("httpStatusCode", out var code)
            ? code.GetInt32()
            : 500;

    /// <summary>The operation by name.</summary>
    public ApiOperation Operation(string name) => Operations.First(o => o.Name == name);

    private static string? ShapeName(JsonElement operation, string member) =>
        operation.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Object ? value.GetProperty("shape").GetString() : null;

    private static ApiModel Load()
    {
        using var stream = typeof(ApiModel).Assembly.GetManifestResourceStream("Crowsnest.Configuration.Model.chatbot-2017-10-11.json")
            ?? throw new InvalidOperationException("The embedded AWS Chatbot model is missing.");
        return new ApiModel(JsonDocument.Parse(stream));
    }
}
