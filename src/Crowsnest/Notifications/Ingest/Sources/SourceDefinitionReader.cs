using System.Text.Json;
using Crowsnest.Storage;

namespace Crowsnest.Notifications.Ingest.Sources;

/// <summary>Reads source definitions from their stored resource records; null when a record is incomplete.</summary>
public static class SourceDefinitionReader
{
    /// <summary>An EventBridge source, or null.</summary>
    public static EventSourceDefinition? ReadEventSource(ResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var type = Field(record.Document, "AuthorizationType");
        return type?.ToUpperInvariant() switch
        {
            "API_KEY" when Field(record.Document, "ApiKeyName") is { Length: > 0 } name && Field(record.Secrets, "ApiKeyValue") is { Length: > 0 } value =>
                new EventSourceDefinition(record.Id, EventSourceAuthorization.ApiKey, name, value),
            "BASIC" when Field(record.Document, "Username") is { Length: > 0 } user && Field(record.Secrets, "Password") is { Length: > 0 } password =>
                new EventSourceDefinition(record.Id, EventSourceAuthorization.Basic, user, password),
            _ => null,
        };
    }

    /// <summary>A webhook source, or null.</summary>
    public static WebhookSourceDefinition? ReadWebhook(ResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var mode = Field(record.Document, "Authentication") ?? "TOKEN";
        return mode.ToUpperInvariant() switch
        {
            "TOKEN" when Field(record.Secrets, "Token") is { Length: > 0 } token =>
                new WebhookSourceDefinition(record.Id, WebhookAuthentication.Token, Field(record.Document, "HeaderName") ?? WebhookSourceDefinition.DefaultTokenHeader, token),
            "HMAC" when Field(record.Secrets, "SigningSecret") is { Length: > 0 } secret =>
                new WebhookSourceDefinition(record.Id, WebhookAuthentication.Hmac, WebhookSourceDefinition.SignatureHeader, secret),
            _ => null,
        };
    }

    private static string? Field(string? json, string name)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
