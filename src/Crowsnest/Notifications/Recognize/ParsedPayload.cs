using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Crowsnest.Notifications.Recognize;

/// <summary>How a notification's body parsed.</summary>
public enum PayloadKind
{
    /// <summary>A JSON object.</summary>
    JsonObject = 0,

    /// <summary>Valid JSON that is not an object (an array, a string, a number).</summary>
    OtherJson,

    /// <summary>Text that does not start like JSON.</summary>
    Text,

    /// <summary>Starts like JSON but does not parse.</summary>
    InvalidJson,

    /// <summary>Empty or whitespace only.</summary>
    Empty,
}

/// <summary>
/// A notification's body parsed once, with the EventBridge-style envelope fields read up front, so that every
/// event type can decide cheaply (by <see cref="Source"/> and <see cref="DetailType"/>) whether it applies.
/// </summary>
public sealed class ParsedPayload
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    private ParsedPayload(Notification notification) => Notification = notification;

    /// <summary>The notification whose body this is.</summary>
    public Notification Notification { get; }

    /// <summary>How the body parsed.</summary>
    public PayloadKind Kind { get; private init; }

    /// <summary>The parsed JSON (default when the body is not JSON). Not backed by pooled memory: safe to keep.</summary>
    public JsonElement Root { get; private init; }

    /// <summary>Why the body did not parse, for <see cref="PayloadKind.InvalidJson"/>.</summary>
    public string? ParseError { get; private init; }

    /// <summary>The body text.</summary>
    public string Body => Notification.Body;

    /// <summary>The SNS subject, when there was one.</summary>
    public string? Subject => Notification.Subject;

    /// <summary><c>source</c> of an EventBridge-style object (<c>aws.guardduty</c>, <c>custom</c>, ...).</summary>
    public string? Source { get; private init; }

    /// <summary><c>detail-type</c> (or CodeStar's <c>detailType</c>).</summary>
    public string? DetailType { get; private init; }

    /// <summary><c>detail</c> when it is an object; default otherwise.</summary>
    public JsonElement Detail { get; private init; }

    /// <summary>The top-level <c>account</c> value (default when absent).</summary>
    public JsonElement AccountValue { get; private init; }

    /// <summary>The top-level <c>region</c> value (default when absent).</summary>
    public JsonElement RegionValue { get; private init; }

    /// <summary>The top-level <c>time</c> value (default when absent).</summary>
    public JsonElement TimeValue { get; private init; }

    /// <summary>The top-level <c>resources</c> value (default when absent).</summary>
    public JsonElement ResourcesValue { get; private init; }

    /// <summary>True when the payload has a <c>detail</c> object.</summary>
    public bool HasDetail => Detail.ValueKind == JsonValueKind.Object;

    /// <summary>True when the body is a JSON object.</summary>
    public bool IsJsonObject => Kind == PayloadKind.JsonObject;

    /// <summary>Parses a notification's body.</summary>
    public static ParsedPayload Parse(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = notification.Body;
        var span = body.AsSpan().TrimStart();
        if (span.Length > 0 && span[0] == '\uFEFF')
        {
            span = span[1..].TrimStart();
        }

        if (span.IsEmpty)
        {
            return new ParsedPayload(notification) { Kind = PayloadKind.Empty };
        }

        if (span[0] is not ('{' or '[' or '"'))
        {
            return new ParsedPayload(notification) { Kind = PayloadKind.Text };
        }

        // One exact-size UTF-8 copy that the document keeps (no rented buffer, no second copy, one tokenising pass).
        var utf8 = new byte[Encoding.UTF8.GetByteCount(span)];
        Encoding.UTF8.GetBytes(span, utf8);
        if (LoneSurrogateEscapes.MayBeIn(utf8))
        {
            // The repair keeps the length (\uD800 becomes \uFFFD), so the copy is rewritten in place.
            var repaired = LoneSurrogateEscapes.Repair(span);
            if (repaired != span)
            {
                Encoding.UTF8.GetBytes(repaired, utf8);
            }
        }
        try
        {
            var root = JsonDocument.Parse(utf8.AsMemory(), Options).RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ParsedPayload(notification) { Kind = PayloadKind.OtherJson, Root = root };
            }

            string? source = null, detailType = null;
            JsonElement detail = default, account = default, region = default, time = default, resources = default;
            foreach (var property in root.EnumerateObject())
            {
                // The envelope fields every event type reads, taken in the one pass (the last of a repeated name wins, as
                // in a lookup by name); names compared as raw bytes, by length first.
                var value = property.Value;
                var name = JsonMarshal.GetRawUtf8PropertyName(property);
                if (name.Contains((byte)'\\'))
                {
                    name = Encoding.UTF8.GetBytes(property.Name);
                }

                switch (name.Length)
                {
                    case 4 when name.SequenceEqual("time"u8):
                        time = value;
                        break;
                    case 6 when name.SequenceEqual("source"u8):
                        source = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                        break;
                    case 6 when name.SequenceEqual("detail"u8):
                        detail = value.ValueKind == JsonValueKind.Object ? value : default;
                        break;
                    case 6 when name.SequenceEqual("region"u8):
                        region = value;
                        break;
                    case 7 when name.SequenceEqual("account"u8):
                        account = value;
                        break;
                    case 9 when name.SequenceEqual("resources"u8):
                        resources = value;
                        break;
                    case 10 when name.SequenceEqual("detailType"u8):
                    case 11 when name.SequenceEqual("detail-type"u8):
                        detailType = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                        break;
                }
            }

            return new ParsedPayload(notification)
            {
                Kind = PayloadKind.JsonObject,
                Root = root,
                Source = source,
                DetailType = detailType,
                Detail = detail,
                AccountValue = account,
                RegionValue = region,
                TimeValue = time,
                ResourcesValue = resources,
            };
        }
        catch (InvalidOperationException ex)
        {
            // source or detail-type is not valid Unicode (a lone surrogate escape).
            return new ParsedPayload(notification) { Kind = PayloadKind.InvalidJson, ParseError = ex.Message };
        }
        catch (JsonException ex)
        {
            return span[0] == '"'
                ? new ParsedPayload(notification) { Kind = PayloadKind.Text }
                : new ParsedPayload(notification) { Kind = PayloadKind.InvalidJson, ParseError = ex.Message };
        }
    }

    /// <summary>True when this is an EventBridge-style event from <paramref name="source"/>.</summary>
    public bool IsFrom(string source) => string.Equals(Source, source, StringComparison.Ordinal);

    /// <summary>True when this is an event from <paramref name="source"/> with the given detail type.</summary>
    public bool Is(string source, string detailType) =>
        string.Equals(Source, source, StringComparison.Ordinal) && string.Equals(DetailType, detailType, StringComparison.Ordinal);

    /// <summary>True when the text body starts with <paramref name="prefix"/> (after leading whitespace).</summary>
    public bool TextStartsWith(string prefix) =>
        Kind == PayloadKind.Text && Body.AsSpan().TrimStart().TrimStart('\uFEFF').StartsWith(prefix, StringComparison.Ordinal);
}
