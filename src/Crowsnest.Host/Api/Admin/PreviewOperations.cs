using System.Text.Json.Nodes;
using Crowsnest.Channels;
using Crowsnest.Notifications.Preview;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Host.Api.Admin;

/// <summary>Event preview: paste a payload, get the recognised type and every platform's rendering (nothing is stored or sent).</summary>
internal sealed class PreviewOperations(TimeProvider time)
{
    private const int MaxPayloadChars = 512 * 1024;
    private readonly EventPreview _preview = new(EventCatalog.Default, time);

    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("PreviewEvent", "/crowsnest/preview-event", PreviewAsync);
    }

    private Task<ApiOutcome> PreviewAsync(ApiCall call)
    {
        var payload = call.Str("Payload");
        if (string.IsNullOrWhiteSpace(payload))
        {
            return Task.FromResult<ApiOutcome>(AwsError.InvalidParameter("Payload: required, the notification or event text to preview."));
        }
        if (payload.Length > MaxPayloadChars)
        {
            return Task.FromResult<ApiOutcome>(AwsError.InvalidParameter($"Payload: at most {MaxPayloadChars} characters."));
        }
        var platforms = call.StrList("Platforms") ?? [];
        var unknown = platforms.Where(p => MessageRenderers.Find(p) is null).ToList();
        if (unknown.Count > 0)
        {
            return Task.FromResult<ApiOutcome>(AwsError.InvalidParameter(
                $"Platforms: unknown {string.Join(", ", unknown)} (expected {string.Join(", ", MessageRenderers.All.Select(r => r.Platform))})."));
        }
        var result = _preview.Preview(payload, platforms);
        var items = new JsonArray();
        foreach (var item in result.Items)
        {
            var renderings = new JsonObject();
            foreach (var (platform, text) in item.Renderings)
            {
                renderings[platform] = text;
            }
            items.Add(new JsonObject
            {
                ["EventType"] = item.EventType,
                ["Outcome"] = item.Outcome.ToString(),
                ["Reason"] = item.Reason,
                ["Renderings"] = renderings,
            });
        }
        return Task.FromResult<ApiOutcome>(new JsonObject { ["Items"] = items, ["Error"] = result.Error });
    }
}
