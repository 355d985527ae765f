using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crowsnest.Channels;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Preview;

/// <summary>One notification of a previewed payload: how it was recognised and how each platform renders it.</summary>
/// <param name="EventType">The recognised type name, or <c>unrecognized</c>.</param>
/// <param name="Outcome">Specific, generic or unrecognised.</param>
/// <param name="Reason">Why it was not recognised.</param>
/// <param name="Renderings">Platform → rendered body as text (JSON pretty-printed).</param>
public sealed record PreviewItem(string EventType, RecognitionOutcome Outcome, string? Reason, IReadOnlyDictionary<string, string> Renderings);

/// <summary>The preview of a pasted payload, or why it cannot be read.</summary>
public sealed record PreviewResult(IReadOnlyList<PreviewItem> Items, string? Error);

/// <summary>
/// Offline preview of any payload (an SNS envelope, a bare event, a custom notification...): recognise it and render it
/// for every platform. Used by <c>crowsnest render</c> and the console's event preview.
/// </summary>
public sealed class EventPreview(EventCatalog catalog, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Previews the payload for the platforms named (all when none).</summary>
    public PreviewResult Preview(string payload, IReadOnlyCollection<string>? platforms = null)
    {
        var read = new PayloadReader(time).Read(payload);
        if (!read.IsValid)
        {
            return new PreviewResult([], read.Error);
        }
        var renderers = platforms is { Count: > 0 }
            ? platforms.Select(p => MessageRenderers.Find(p) ?? throw new ArgumentException($"unknown platform '{p}'", nameof(platforms))).ToList()
            : MessageRenderers.All.ToList();
        var items = new List<PreviewItem>();
        foreach (var item in read.Items)
        {
            var recognition = catalog.Recognize(item.Notification);
            var message = recognition.Render();
            var renderings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (message is not null)
            {
                var options = new RenderOptions { OriginalEvent = item.Notification.Body, Channel = "C0PREVIEW" };
                foreach (var renderer in renderers)
                {
                    renderings[renderer.Platform] = AsText(renderer.Render(message, options));
                }
            }
            items.Add(new PreviewItem(recognition.TypeName, recognition.Outcome, recognition.Reason, renderings));
        }
        return new PreviewResult(items, null);
    }

    private static string AsText(RenderedPayload payload)
    {
        var text = Encoding.UTF8.GetString(payload.Body.Span);
        if (!payload.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }
        using var document = JsonDocument.Parse(payload.Body);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }
}
