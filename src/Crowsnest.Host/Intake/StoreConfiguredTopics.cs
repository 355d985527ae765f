using System.Collections.Frozen;
using System.Text.Json;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Storage;

namespace Crowsnest.Host.Intake;

/// <summary>
/// Interim <see cref="IConfiguredTopics"/>: the <c>SnsTopicArns</c> of every stored <c>configuration</c> resource,
/// re-read at most once a second and only when the store's change stamp moved. The configuration snapshot replaces it.
/// </summary>
internal sealed class StoreConfiguredTopics(IStore store, TimeProvider time) : IConfiguredTopics
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private static readonly string[] Kinds = ["configuration"];
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot _snapshot = new(FrozenSet<string>.Empty, long.MinValue, DateTimeOffset.MinValue);

    public async ValueTask<bool> IsConfiguredAsync(string topicArn, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (time.GetUtcNow() - snapshot.CheckedAt >= Freshness)
        {
            snapshot = await ReloadAsync(cancellationToken);
        }
        return snapshot.Topics.Contains(topicArn);
    }

    private async Task<Snapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (now - _snapshot.CheckedAt < Freshness)
            {
                return _snapshot;
            }
            var stamp = await store.Resources.GetChangeStampAsync(cancellationToken);
            if (stamp != _snapshot.Stamp)
            {
                var records = await store.Resources.ListAllAsync(Kinds, cancellationToken);
                _snapshot = new Snapshot(records.SelectMany(r => TopicsOf(r.Document)).ToFrozenSet(StringComparer.Ordinal), stamp, now);
            }
            else
            {
                _snapshot = _snapshot with { CheckedAt = now };
            }
            return _snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    private static IEnumerable<string> TopicsOf(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("SnsTopicArns", out var arns) && arns.ValueKind == JsonValueKind.Array)
            {
                return arns.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList();
            }
        }
        catch (JsonException)
        {
        }
        return [];
    }

    private sealed record Snapshot(FrozenSet<string> Topics, long Stamp, DateTimeOffset CheckedAt);
}
