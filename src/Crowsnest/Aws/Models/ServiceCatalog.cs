using System.Collections.Concurrent;
using System.Text.Json;

namespace Crowsnest.Aws.Models;

/// <summary>
/// The AWS services Crowsnest knows, by AWS CLI name. Reads <c>index.json</c> once and a service's model file only
/// when it is first asked for.
/// </summary>
public sealed class ServiceCatalog
{
    private readonly string _directory;
    private readonly Dictionary<string, string> _files;
    private readonly ConcurrentDictionary<string, Lazy<ServiceModel>> _loaded = new(StringComparer.Ordinal);

    private ServiceCatalog(string directory, string source, Dictionary<string, string> files)
    {
        _directory = directory;
        Source = source;
        _files = files;
        ServiceNames = [.. files.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Where the models came from, e.g. <c>aws-sdk@2.1693.0</c>.</summary>
    public string Source { get; }

    public IReadOnlyList<string> ServiceNames { get; }

    /// <summary>Opens the catalog in <paramref name="directory"/> (the output of <c>scripts/models</c>).</summary>
    public static ServiceCatalog Open(string directory)
    {
        var index = Path.Combine(directory, "index.json");
        if (!File.Exists(index))
        {
            throw new FileNotFoundException(
                $"AWS service models are missing: no index.json in '{directory}'. Run scripts/models (needs the npm registry once).", index);
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(index));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in doc.RootElement.GetProperty("services").EnumerateObject())
        {
            files[s.Name] = s.Value.GetProperty("file").GetString()!;
        }
        return new ServiceCatalog(directory, doc.RootElement.GetProperty("source").GetString() ?? "", files);
    }

    /// <summary>Opens the catalog found by <see cref="ModelLocator"/>.</summary>
    public static ServiceCatalog OpenDefault() => Open(ModelLocator.Find());

    public bool Contains(string cliName) => _files.ContainsKey(cliName);

    public ServiceModel? Find(string cliName)
    {
        if (!_files.TryGetValue(cliName, out var file))
        {
            return null;
        }
        return _loaded.GetOrAdd(cliName, name => new Lazy<ServiceModel>(() =>
            new ServiceModel(name, JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_directory, file)))))).Value;
    }
}
