using Crowsnest.Storage;

namespace Crowsnest.Notifications.Ingest.Sources;

/// <summary>
/// The event and webhook sources, read from the resource store and kept for a second at a time (reloaded only when
/// the store's change stamp moved), so authenticating a call costs no database round trip.
/// </summary>
public sealed class SourceDirectory(IResourceStore resources, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private static readonly string[] Kinds = [EventSourceDefinition.Kind, WebhookSourceDefinition.Kind];
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot _snapshot = new([], new Dictionary<string, WebhookSourceDefinition>(), long.MinValue, DateTimeOffset.MinValue);

    /// <summary>Every usable event source.</summary>
    public async ValueTask<IReadOnlyList<EventSourceDefinition>> EventSourcesAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).EventSources;

    /// <summary>One webhook source, or null.</summary>
    public async ValueTask<WebhookSourceDefinition?> WebhookAsync(string id, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Webhooks.GetValueOrDefault(id);

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (time.GetUtcNow() - snapshot.CheckedAt < Freshness)
        {
            return snapshot;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            var now = time.GetUtcNow();
            if (now - snapshot.CheckedAt < Freshness)
            {
                return snapshot;
            }

            var stamp = await resources.GetChangeStampAsync(cancellationToken);
            if (stamp == snapshot.Stamp)
            {
                _snapshot = snapshot with { CheckedAt = now };
                return _snapshot;
            }

            var records = await resources.ListAllAsync(Kinds, cancellationToken);
            var events = records.Where(r => r.Kind == EventSourceDefinition.Kind).Select(SourceDefinitionReader.ReadEventSource).OfType<EventSourceDefinition>().ToList();
            var webhooks = records.Where(r => r.Kind == WebhookSourceDefinition.Kind).Select(SourceDefinitionReader.ReadWebhook).OfType<WebhookSourceDefinition>()
                .ToDictionary(w => w.Id, StringComparer.Ordinal);
            _snapshot = new Snapshot(events, webhooks, stamp, now);
            return _snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyList<EventSourceDefinition> EventSources, IReadOnlyDictionary<string, WebhookSourceDefinition> Webhooks, long Stamp, DateTimeOffset CheckedAt);
}
