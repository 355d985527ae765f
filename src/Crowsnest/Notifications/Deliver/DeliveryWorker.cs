using System.Collections.Concurrent;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Charts;
using Crowsnest.Storage;

namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// The delivery worker's pass: lease due deliveries (bounded), group them by target, turn a storm of one event type
/// for a rate-limited target into digests, then send each target's deliveries in order, targets in parallel (bounded).
/// Several workers (and instances on one PostgreSQL) may run passes at once: the outbox lease keeps them apart.
/// </summary>
public sealed class DeliveryWorker
{
    private readonly IStore _store;
    private readonly Func<ConfigSnapshot> _snapshot;
    private readonly DeliveryWorkerOptions _options;
    private readonly DeliveryLimits _limits;
    private readonly DeliverySender _sender;
    private readonly TargetRateLimiter _limiter;

    // Targets with deliveries put back to wait for a token: the next pass that has a token takes them all in first,
    // so a newcomer does not take the token ahead of them.
    private readonly ConcurrentDictionary<string, byte> _backlogged = new(StringComparer.Ordinal);

    // One pass at a time per rate-limited target: otherwise another loop leases a newcomer and sends it alone with
    // the token a digest of the backlog was about to take, and the backlog waits until the stream stops.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _targetGates = new(StringComparer.Ordinal);
    private long _gatesStamp = -1;
    private readonly TimeProvider _time;

    /// <summary>Creates a worker.</summary>
    public DeliveryWorker(IStore store, IEnumerable<IChatChannel> channels, Func<ConfigSnapshot> snapshot, TargetRateLimiter limiter,
        TimeProvider time, DeliveryWorkerOptions? options = null, DeliveryRateLimits? limits = null, Action<DeliveryOutcome>? observe = null, AlarmCharts? charts = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        _options = options ?? new DeliveryWorkerOptions();
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _limits = new DeliveryLimits(limits ?? DeliveryRateLimits.Default);
        _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
        _sender = new DeliverySender(store, channels, limiter, time, _options, observe ?? (_ => { }), charts, key => _backlogged.TryAdd(key, 0));
    }

    /// <summary>Runs one pass; returns how many deliveries it leased (0 = nothing due). Does nothing before the first snapshot.</summary>
    public async Task<int> RunOnceAsync(string owner, CancellationToken cancellationToken)
    {
        var config = _snapshot();
        if (config.Stamp < 0)
        {
            return 0;
        }
        DropGatesOfRemovedTargets(config);
        var leased = await _store.Outbox.LeaseDueAsync(owner, _options.BatchSize, _options.Lease, cancellationToken).ConfigureAwait(false);
        if (leased.Count == 0)
        {
            return 0;
        }
        // A target's deliveries wait for its rate limit one after another; past this point the rest go back to the
        // queue, so no lease runs out while its worker is alive.
        var deadline = _time.GetUtcNow() + (_options.Lease / 2);
        var groups = leased.GroupBy(d => d.TargetKey, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                var target = config.ByArn(group[0].ConfigurationId)?.Target;
                var gate = GateOf(group[0].TargetKey, target);
                if (gate is not null)
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                }
                try
                {
                    var work = _options.Digests ? await DigestAsync(owner, group, target, ct).ConfigureAwait(false) : [.. group.Select(r => (r, (DeliveryPayload?)null))];
                    foreach (var (record, replaced) in work)
                    {
                        await _sender.SendAsync(owner, record, replaced, config, deadline, ct).ConfigureAwait(false);
                    }
                }
                finally
                {
                    gate?.Release();
                }
            }).ConfigureAwait(false);
        return leased.Count;
    }

    /// <summary>The number of targets that have a gate (for tests).</summary>
    internal int GateCount => _targetGates.Count;

    // Once per configuration change: a target no configuration sends to any more needs no gate (its deliveries are
    // dead-lettered without one), so the gates stay as many as the configured targets.
    private void DropGatesOfRemovedTargets(ConfigSnapshot config)
    {
        var seen = Interlocked.Read(ref _gatesStamp);
        if (seen == config.Stamp || Interlocked.CompareExchange(ref _gatesStamp, config.Stamp, seen) != seen)
        {
            return;
        }
        var configured = config.Configurations.Select(c => c.Target.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _targetGates.Keys)
        {
            if (!configured.Contains(key))
            {
                _targetGates.TryRemove(key, out _);
            }
        }
    }

    private SemaphoreSlim? GateOf(string targetKey, ChatTarget? target)
    {
        if (!_options.Digests || target is null || _limits.DigestThreshold(target) == int.MaxValue)
        {
            return null;
        }
        return _targetGates.GetOrAdd(targetKey, _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>
    /// When more deliveries of one event type wait for one target than its burst allows, the first carries a digest
    /// of all of them (stored before anything is sent) and the others are completed as delivered in that digest.
    /// A target short of tokens has its whole backlog taken in too: under a steady stream each pass leases only a few,
    /// while those that found no token wait in the queue (the sender puts them back rather than waiting in process).
    /// </summary>
    private async Task<List<(DeliveryRecord Record, DeliveryPayload? Replaced)>> DigestAsync(string owner, List<DeliveryRecord> group,
        ChatTarget? target, CancellationToken cancellationToken)
    {
        var result = new List<(DeliveryRecord, DeliveryPayload?)>();
        var threshold = target is null ? int.MaxValue : _limits.DigestThreshold(target);
        if (target is null || threshold == int.MaxValue)
        {
            // No limit (or no configuration any more: the sender dead-letters those), so nothing to group.
            result.AddRange(group.Select(r => (r, (DeliveryPayload?)null)));
            return result;
        }
        var available = _limiter.Available(target);
        // Without a token nothing can go now: grouping waits until there is one, so one digest takes all that piled up
        // (and the backlog is not leased again and again while it waits).
        if (available > 0 && (_backlogged.TryRemove(target.Key, out _) || group.Count > available))
        {
            var backlog = await _store.Outbox.LeaseBacklogAsync(owner, target.Key, _options.BatchSize, _options.Lease, cancellationToken).ConfigureAwait(false);
            group = [.. group.Concat(backlog).OrderBy(r => r.Id)];
        }
        if (group.Count <= threshold || available == 0)
        {
            result.AddRange(group.Select(r => (r, (DeliveryPayload?)null)));
            return result;
        }
        var parsed = group.Select(r => (Record: r, Payload: DeliveryPayload.FromJson(r.Payload))).ToList();
        var editable = await EditableAsync(target, parsed.Select(p => p.Payload), cancellationToken).ConfigureAwait(false);
        var candidates = parsed
            .Where(p => p.Payload is { DigestOf.Count: 0 } && !editable.Contains(p.Payload.ThreadKey ?? string.Empty))
            .GroupBy(p => p.Payload!.Message.EventType, StringComparer.Ordinal)
            .Where(g => g.Count() > threshold)
            .SelectMany(g => g.Chunk(DeliveryLimits.DigestSize(target)))
            // As many digests as can go now; the rest wait, still separate, to join the next full one rather than
            // each taking a slot of their own.
            .OrderBy(chunk => chunk[0].Record.Id)
            .Take(available)
            .ToList();
        var absorbed = new HashSet<long>();
        foreach (var chunk in candidates)
        {
            var carrier = chunk[0];
            var digest = carrier.Payload! with
            {
                Message = DigestBuilder.Build([.. chunk.Select(c => c.Payload!.Message)]),
                ThreadKey = null,
                UpdateKey = null,
                OriginalEvent = null,
                Chart = null,
                DigestOf = [.. chunk.Select(c => c.Record.Id)],
            };
            // The digest is durable before the absorbed ones are completed, so a crash in between loses nothing.
            if (!await _store.Outbox.ReplacePayloadAsync(carrier.Record.Id, owner, digest.ToJson(), cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            foreach (var other in chunk.Skip(1))
            {
                await _store.Outbox.CompleteAsync(other.Record.Id, owner, $"digest:{carrier.Record.Id}", cancellationToken).ConfigureAwait(false);
                _sender.Observe(new DeliveryOutcome(other.Record.Id, other.Record.TargetKey, "digested", $"in digest {carrier.Record.Id}"));
                absorbed.Add(other.Record.Id);
            }
            result.Add((carrier.Record, digest));
            absorbed.Add(carrier.Record.Id);
        }
        result.AddRange(parsed.Where(p => !absorbed.Contains(p.Record.Id)).Select(p => (p.Record, (DeliveryPayload?)null)));
        // Oldest first, digests included: what waited longest takes the next token.
        return [.. result.OrderBy(w => w.Item1.Id)];
    }

    /// <summary>
    /// The thread keys of updates that would edit a message already posted (only Slack channels edit). Those are sent
    /// on their own; an update whose thread has no message yet is news like any other, so it may join a digest.
    /// </summary>
    private async Task<HashSet<string>> EditableAsync(ChatTarget target, IEnumerable<DeliveryPayload?> payloads, CancellationToken cancellationToken)
    {
        var editable = new HashSet<string>(StringComparer.Ordinal);
        if (ChatTargetKinds.KindOf(target) != ChatTargetKind.SlackApi)
        {
            return editable;
        }
        foreach (var key in payloads.Where(p => p is { UpdateKey: not null, ThreadKey: not null }).Select(p => p!.ThreadKey!).Distinct(StringComparer.Ordinal))
        {
            if (await _store.Threads.GetAsync(target.Key, key, cancellationToken).ConfigureAwait(false) is not null)
            {
                editable.Add(key);
            }
        }
        return editable;
    }

    private sealed class DeliveryLimits(DeliveryRateLimits limits)
    {
        /// <summary>More due at once than the target's burst means a storm; targets without a limit never digest.</summary>
        public int DigestThreshold(ChatTarget target) =>
            limits.ForTarget(ChatTargetKinds.KindOf(target)) is { } limit ? Math.Max(2, limit.Burst) : int.MaxValue;

        /// <summary>How many events one digest lists so that it stays inside the platform's size limits.</summary>
        public static int DigestSize(ChatTarget target) => ChatTargetKinds.KindOf(target) switch
        {
            ChatTargetKind.ChimeWebhook => 25,
            ChatTargetKind.SlackApi or ChatTargetKind.SlackWebhook => 80,
            _ => DigestBuilder.MaxItems,
        };
    }
}
