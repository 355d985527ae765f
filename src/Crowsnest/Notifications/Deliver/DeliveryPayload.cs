using System.Text.Json;
using System.Text.Json.Serialization;
using Crowsnest.Messages;
using Crowsnest.Notifications.Charts;

namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// What the delivery worker needs to send one delivery, stored as the outbox payload (JSON, source-generated):
/// the neutral message, where it goes, its thread and update keys, and the original event for webhooks.
/// </summary>
public sealed record DeliveryPayload
{
    /// <summary>The payload format version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The neutral message (rendered per platform at send time).</summary>
    public required ChatMessage Message { get; init; }

    /// <summary>The configuration that routed it.</summary>
    public required string ConfigurationArn { get; init; }

    /// <summary>The secret-free target key.</summary>
    public required string TargetKey { get; init; }

    /// <summary>Follow-ups with this key thread under the first message sent with it.</summary>
    public string? ThreadKey { get; init; }

    /// <summary>A later message with this key also edits the thread's first message in place.</summary>
    public string? UpdateKey { get; init; }

    /// <summary>The notification it came from.</summary>
    public string? NotificationId { get; init; }

    /// <summary>The original event (body), capped; generic webhooks include it.</summary>
    public string? OriginalEvent { get; init; }

    /// <summary>For a CloudWatch metric alarm: the chart to fetch with the configuration's role and attach when sending.</summary>
    public MetricChartRequest? Chart { get; init; }

    /// <summary>For a digest: the ids of the deliveries it absorbed.</summary>
    public IReadOnlyList<long> DigestOf { get; init; } = [];

    /// <summary>Serialises to the stored JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, DeliveryJson.Default.DeliveryPayload);

    /// <summary>Reads a stored payload; null when it cannot be read.</summary>
    public static DeliveryPayload? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DeliveryJson.Default.DeliveryPayload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Source-generated JSON for delivery payloads.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeliveryPayload))]
internal sealed partial class DeliveryJson : JsonSerializerContext;
