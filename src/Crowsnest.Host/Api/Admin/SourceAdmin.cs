using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crowsnest.Notifications.Ingest.Sources;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Admin;

/// <summary>
/// Intake sources besides SNS: EventBridge API destinations (<c>POST /events/{id}</c>, API key or basic auth, as
/// EventBridge connections authenticate) and webhooks (<c>POST /webhooks/{id}</c>, token header or HMAC). A secret
/// is generated unless given, returned once by the create call, and never again (nor audited, nor logged).
/// A channel configuration receives a source's notifications by naming its id in <c>Sources</c>.
/// </summary>
internal sealed partial class SourceAdmin(IStore store, TimeProvider time, AuditWriter audit)
{
    private const int MinSecretLength = 16;

    private static readonly SourceKind Event = new(EventSourceDefinition.Kind, "EventSource", "EventSources", "events", "event source");
    private static readonly SourceKind Webhook = new(WebhookSourceDefinition.Kind, "WebhookSource", "WebhookSources", "webhooks", "webhook source");

    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("CreateEventSource", "/crowsnest/create-event-source", CreateEventSourceAsync);
        yield return ("ListEventSources", "/crowsnest/list-event-sources", call => ListAsync(call, Event));
        yield return ("DescribeEventSource", "/crowsnest/describe-event-source", call => DescribeAsync(call, Event));
        yield return ("DeleteEventSource", "/crowsnest/delete-event-source", call => DeleteAsync(call, Event));
        yield return ("CreateWebhookSource", "/crowsnest/create-webhook-source", CreateWebhookSourceAsync);
        yield return ("ListWebhookSources", "/crowsnest/list-webhook-sources", call => ListAsync(call, Webhook));
        yield return ("DescribeWebhookSource", "/crowsnest/describe-webhook-source", call => DescribeAsync(call, Webhook));
        yield return ("DeleteWebhookSource", "/crowsnest/delete-webhook-source", call => DeleteAsync(call, Webhook));
    }

    private async Task<ApiOutcome> CreateEventSourceAsync(ApiCall call)
    {
        var errors = new List<string>();
        var id = SourceId(call, errors);
        var type = (call.Str("AuthorizationType") ?? "API_KEY").ToUpperInvariant();
        JsonObject document;
        string secretName;
        if (type == "API_KEY")
        {
            var header = call.Str("ApiKeyName") ?? "x-api-key";
            if (!HeaderName().IsMatch(header))
            {
                errors.Add($"ApiKeyName: '{header}' is not a valid HTTP header name.");
            }
            document = new JsonObject { ["AuthorizationType"] = type, ["ApiKeyName"] = header };
            secretName = "ApiKeyValue";
        }
        else if (type == "BASIC")
        {
            var user = call.Str("Username") ?? "eventbridge";
            if (user.Length is 0 or > 128 || user.Contains(':', StringComparison.Ordinal))
            {
                errors.Add("Username: 1 to 128 characters without ':'.");
            }
            document = new JsonObject { ["AuthorizationType"] = type, ["Username"] = user };
            secretName = "Password";
        }
        else
        {
            errors.Add($"AuthorizationType: '{type}' is not API_KEY or BASIC.");
            return AwsError.InvalidParameter(string.Join(" ", errors));
        }
        return await CreateAsync(call, Event, id, document, secretName, errors);
    }

    private async Task<ApiOutcome> CreateWebhookSourceAsync(ApiCall call)
    {
        var errors = new List<string>();
        var id = SourceId(call, errors);
        var mode = (call.Str("Authentication") ?? "TOKEN").ToUpperInvariant();
        JsonObject document;
        string secretName;
        if (mode == "TOKEN")
        {
            var header = call.Str("HeaderName") ?? WebhookSourceDefinition.DefaultTokenHeader;
            if (!HeaderName().IsMatch(header))
            {
                errors.Add($"HeaderName: '{header}' is not a valid HTTP header name.");
            }
            document = new JsonObject { ["Authentication"] = mode, ["HeaderName"] = header };
            secretName = "Token";
        }
        else if (mode == "HMAC")
        {
            document = new JsonObject
            {
                ["Authentication"] = mode,
                ["SignatureHeader"] = WebhookSourceDefinition.SignatureHeader,
                ["TimestampHeader"] = WebhookSourceDefinition.TimestampHeader,
            };
            secretName = "SigningSecret";
        }
        else
        {
            errors.Add($"Authentication: '{mode}' is not TOKEN or HMAC.");
            return AwsError.InvalidParameter(string.Join(" ", errors));
        }
        return await CreateAsync(call, Webhook, id, document, secretName, errors);
    }

    private async Task<ApiOutcome> CreateAsync(ApiCall call, SourceKind kind, string id, JsonObject document, string secretName, List<string> errors)
    {
        var given = call.Str(secretName);
        if (given is not null && (given.Length < MinSecretLength || given.Length > 512 || given.Any(char.IsControl)))
        {
            errors.Add($"{secretName}: {MinSecretLength} to 512 printable characters (or leave it out to have one generated).");
        }
        if (errors.Count > 0)
        {
            return AwsError.InvalidParameter(string.Join(" ", errors));
        }
        var secret = given ?? NewSecret();
        var now = time.GetUtcNow();
        var record = new ResourceRecord(kind.Kind, id, id, document.ToJsonString(), new JsonObject { [secretName] = secret }.ToJsonString(), 0, now, now);
        if (await store.Resources.CreateAsync(record, call.CancellationToken) == ResourceWriteResult.Conflict)
        {
            return AwsError.Conflict($"The {kind.Description} {id} already exists.");
        }
        await audit.WriteAsync(call, $"{kind.Kind}.create", id, document.ToJsonString());
        var view = View(kind, record);
        return new JsonObject { [kind.Member] = view, [secretName] = secret };
    }

    private async Task<ApiOutcome> ListAsync(ApiCall call, SourceKind kind)
    {
        var records = await store.Resources.ListAllAsync([kind.Kind], call.CancellationToken);
        var ordered = records.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (Paging.Page(ordered, r => r.Id, call.Int("MaxResults"), call.Str("NextToken")) is not { } page)
        {
            return Paging.BadToken();
        }
        var output = new JsonObject { [kind.ListMember] = new JsonArray([.. page.Items.Select(r => (JsonNode)View(kind, r))]) };
        if (page.NextToken is not null)
        {
            output["NextToken"] = page.NextToken;
        }
        return output;
    }

    private async Task<ApiOutcome> DescribeAsync(ApiCall call, SourceKind kind)
    {
        var id = call.Str("SourceId") ?? "";
        var record = await store.Resources.GetAsync(kind.Kind, id, call.CancellationToken);
        return record is null ? AwsError.NotFound($"The {kind.Description} {id} does not exist.") : new JsonObject { [kind.Member] = View(kind, record) };
    }

    private async Task<ApiOutcome> DeleteAsync(ApiCall call, SourceKind kind)
    {
        var id = call.Str("SourceId") ?? "";
        if (!await store.Resources.DeleteAsync(kind.Kind, id, call.CancellationToken))
        {
            return AwsError.NotFound($"The {kind.Description} {id} does not exist.");
        }
        await audit.WriteAsync(call, $"{kind.Kind}.delete", id, null);
        return ApiOutcome.Empty;
    }

    /// <summary>The document's fields, the endpoint path and the dates; never the secrets.</summary>
    private static JsonObject View(SourceKind kind, ResourceRecord record)
    {
        var view = new JsonObject { ["SourceId"] = record.Id, ["Endpoint"] = $"/{kind.Path}/{record.Id}" };
        if (JsonNode.Parse(record.Document) is JsonObject document)
        {
            foreach (var (name, value) in document)
            {
                view[name] = value?.DeepClone();
            }
        }
        view["CreatedAt"] = record.CreatedAt.ToString("O");
        return view;
    }

    private static string SourceId(ApiCall call, List<string> errors)
    {
        var id = call.Str("SourceId") ?? "";
        if (!Id().IsMatch(id))
        {
            errors.Add($"SourceId: '{id}' must be 1 to 64 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.");
        }
        return id;
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex Id();

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$")]
    private static partial Regex HeaderName();

    private sealed record SourceKind(string Kind, string Member, string ListMember, string Path, string Description);
}
