using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crowsnest.Storage.Sql;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

/// <summary>Small JSON columns (source-generated).</summary>
internal static class StorageJson
{
    public static string SerializeAttributes(IReadOnlyDictionary<string, string> attributes) =>
        JsonSerializer.Serialize(attributes as Dictionary<string, string> ?? new Dictionary<string, string>(attributes), StorageJsonContext.Default.DictionaryStringString);

    public static IReadOnlyDictionary<string, string> DeserializeAttributes(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize(json, StorageJsonContext.Default.DictionaryStringString) ?? new Dictionary<string, string>();
}
