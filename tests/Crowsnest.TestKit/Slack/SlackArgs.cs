using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Crowsnest.TestKit.Slack;

/// <summary>
/// A Web API call's arguments as Slack reads them: the query string, then a form body (urlencoded or multipart)
/// or, for methods that take JSON, a JSON object body. JSON values keep their type; form values are strings
/// (arrays such as <c>blocks</c> arrive URL-encoded as JSON text).
/// </summary>
internal sealed class SlackArgs
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fromJson = new(StringComparer.Ordinal);

    public string? Token { get; private set; }

    /// <summary>Reads the call; returns a Slack error code when the request itself is malformed.</summary>
    public static async Task<(SlackArgs Args, string? Error)> ReadAsync(HttpContext context, bool jsonAccepted)
    {
        var args = new SlackArgs();
        var request = context.Request;
        foreach (var (key, value) in request.Query)
        {
            args._values[key] = JsonValue.Create(value.ToString());
        }
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            args.Token = auth["Bearer ".Length..].Trim();
        }
        if (!HttpMethods.IsPost(request.Method) || request.Body.Length == 0)
        {
            args.Token ??= args.String("token");
            return (args, null);
        }
        if (string.IsNullOrEmpty(request.ContentType) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return (args, "missing_post_type");
        }
        var charset = type.Charset.ToString();
        if (charset.Length > 0 && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase))
        {
            return (args, "invalid_charset");
        }
        var media = type.MediaType.ToString().ToLowerInvariant();
        switch (media)
        {
            case "application/json":
                if (jsonAccepted)
                {
                    var error = await args.ReadJsonAsync(request);
                    if (error is not null)
                    {
                        return (args, error);
                    }
                }
                break;
            case "application/x-www-form-urlencoded" or "multipart/form-data":
                var form = await request.ReadFormAsync(CancellationToken.None);
                foreach (var (key, value) in form)
                {
                    args._values[key] = JsonValue.Create(value.ToString());
                }
                break;
            case "text/plain":
                break;
            default:
                return (args, "invalid_post_type");
        }
        // A token inside a JSON body is not read: JSON calls carry it in the Authorization header.
        args.Token ??= args._fromJson.Contains("token") ? null : args.String("token");
        return (args, null);
    }

    /// <summary>Arguments taken from a JSON object (an incoming webhook's body).</summary>
    public static SlackArgs FromJson(JsonObject body)
    {
        var args = new SlackArgs();
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            args._values[key] = value;
            args._fromJson.Add(key);
        }
        return args;
    }

    public bool Has(string name) => _values.TryGetValue(name, out var v) && v is not null && !(v is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Length == 0);

    /// <summary>A scalar argument as text.</summary>
    public string? String(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();
    }

    public bool Bool(string name) => String(name) is "true" or "1";

    /// <summary>A structured argument (<c>blocks</c>, <c>files</c>): the JSON value, or the form string parsed as JSON.</summary>
    public (JsonNode? Value, bool Malformed) Json(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null)
        {
            return (null, false);
        }
        if (_fromJson.Contains(name) && !(node is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return (node, false);
        }
        try
        {
            return (JsonNode.Parse(String(name)!), false);
        }
        catch (JsonException)
        {
            return (null, true);
        }
    }

    private async Task<string?> ReadJsonAsync(HttpRequest request)
    {
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return "invalid_json";
        }
        if (root is not JsonObject obj)
        {
            return "json_not_object";
        }
        foreach (var (key, value) in obj.ToList())
        {
            obj.Remove(key);
            _values[key] = value;
            _fromJson.Add(key);
        }
        return null;
    }
}
