using System.Collections.Frozen;
using System.Text.Json;

namespace Crowsnest.Aws.Models;

/// <summary>One AWS service's model, as converted by <c>scripts/models</c>. Operations resolve on first use.</summary>
public sealed class ServiceModel
{
    private readonly JsonDocument _document;
    private readonly ShapeResolver _resolver;
    private readonly FrozenDictionary<string, string> _byCliName;
    private readonly Dictionary<string, OperationModel> _operations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    internal ServiceModel(string cliName, JsonDocument document)
    {
        _document = document;
        var root = document.RootElement;
        var md = root.GetProperty("metadata");
        string? Text(string n) => md.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Metadata = new ServiceMetadata(
            cliName,
            Text("serviceId") ?? cliName,
            Text("apiVersion") ?? "",
            Text("endpointPrefix") ?? cliName,
            Text("signingName") ?? Text("endpointPrefix") ?? cliName,
            Text("protocol") ?? "json",
            Text("jsonVersion"),
            Text("targetPrefix"),
            Text("xmlNamespace"),
            Text("globalEndpoint"));
        _resolver = new ShapeResolver(root.TryGetProperty("shapes", out var shapes) ? shapes : default);
        OperationNames = [.. root.GetProperty("operations").EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal)];
        _byCliName = OperationNames.ToFrozenDictionary(n => CliNames.FromApiName(n), n => n, StringComparer.Ordinal);
    }

    public ServiceMetadata Metadata { get; }

    /// <summary>API operation names (PascalCase), sorted.</summary>
    public IReadOnlyList<string> OperationNames { get; }

    /// <summary>CLI operation names (kebab-case).</summary>
    public IEnumerable<string> CliOperationNames => _byCliName.Keys;

    public OperationModel? FindByCliName(string cliName) =>
        _byCliName.TryGetValue(cliName, out var api) ? Operation(api) : null;

    public OperationModel? Operation(string apiName)
    {
        lock (_gate)
        {
            if (_operations.TryGetValue(apiName, out var known))
            {
                return known;
            }
            if (!_document.RootElement.GetProperty("operations").TryGetProperty(apiName, out var op))
            {
                return null;
            }
            var http = op.TryGetProperty("http", out var h) ? h : default;
            var model = new OperationModel(
                this,
                apiName,
                CliNames.FromApiName(apiName),
                http.ValueKind == JsonValueKind.Object && http.TryGetProperty("method", out var m) ? m.GetString()! : "POST",
                http.ValueKind == JsonValueKind.Object && http.TryGetProperty("requestUri", out var u) ? u.GetString()! : "/",
                op.TryGetProperty("input", out var input) ? _resolver.Resolve(input) : null,
                op.TryGetProperty("output", out var output) ? _resolver.Resolve(output) : null,
                LoadPaginator(apiName),
                op.TryGetProperty("endpoint", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("hostPrefix", out var hp) && hp.ValueKind == JsonValueKind.String
                    ? hp.GetString()
                    : null);
            _operations[apiName] = model;
            return model;
        }
    }

    private Paginator? LoadPaginator(string apiName)
    {
        if (!_document.RootElement.TryGetProperty("paginators", out var all) || !all.TryGetProperty(apiName, out var p)
            || !p.TryGetProperty("input_token", out _))
        {
            return null;
        }
        static IReadOnlyList<string> List(JsonElement p, string name) =>
            !p.TryGetProperty(name, out var v) ? []
            : v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.GetString()!)]
            : [v.GetString()!];
        return new Paginator(
            List(p, "input_token"),
            List(p, "output_token"),
            p.TryGetProperty("limit_key", out var lk) ? lk.GetString() : null,
            List(p, "result_key"),
            p.TryGetProperty("more_results", out var mr) ? mr.GetString() : null,
            List(p, "non_aggregate_keys"));
    }
}
