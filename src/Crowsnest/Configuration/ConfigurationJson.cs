using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crowsnest.Configuration;

/// <summary>Source-generated JSON for the configuration documents (PascalCase names, nulls omitted).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChannelConfigurationDocument))]
[JsonSerializable(typeof(ChannelSecrets))]
[JsonSerializable(typeof(SlackWorkspaceDocument))]
[JsonSerializable(typeof(SlackWorkspaceSecrets))]
[JsonSerializable(typeof(TeamsTeamDocument))]
[JsonSerializable(typeof(AccountPreferencesDocument))]
[JsonSerializable(typeof(CustomActionDocument))]
[JsonSerializable(typeof(UserIdentityDocument))]
public sealed partial class ConfigurationJson : JsonSerializerContext
{
    /// <summary>Reads a document; null when the JSON does not fit.</summary>
    public static T? Read<T>(string json)
        where T : class
    {
        try
        {
            return (T?)JsonSerializer.Deserialize(json, typeof(T), Default);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes a document.</summary>
    public static string Write<T>(T document)
        where T : class => JsonSerializer.Serialize(document, typeof(T), Default);
}
