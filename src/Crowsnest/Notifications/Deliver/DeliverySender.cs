using System.Collections.Concurrent;
using System.Globalization;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Charts;
using Crowsnest.Storage;

namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// Sends one leased delivery: resolves its configuration and target from the snapshot, waits for the target's rate
/// limit, attaches an alarm's chart (fetched with the configuration's role), threads it under (and, for updates, edits) the thread's first message, sends through the adapter and
/// records the classified outcome: delivered, retry at a backoff (honouring <c>Retry-After</c>), or dead letter.
/// </summary>
internal sealed class DeliverySender(IStore store, IEnumerable<IChatChannel> channels, TargetRateLimiter limiter, TimeProvider time,
    DeliveryWorkerOptions options, Action<DeliveryOutcome> observe, AlarmCharts? charts = null, Action<string>? waitsForToken = null)
{
    private readonly Dictionary<ChatTargetKind, IChatChannel> _channels = channels.ToDictionary(c => c.Kind);

    // Targets whose last send failed: the first success after that makes their deliveries waiting in backoff due now,
    // so an outage's backlog goes as soon as the target answers again instead of at each one's backed-off time.
    private readonly ConcurrentDictionary<string, byte> _failing = new(StringComparer.Ordinal);

    public void Observe(DeliveryOutcome outcome) => observe(outcome);

    public async Task SendAsync(string owner, DeliveryRecord record, DeliveryPayload? replaced, ConfigSnapshot config, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var payload = replaced ?? DeliveryPayload.FromJson(record.Payload);
        if (payload is null)
        {
            await DeadAsync(owner, record, "the stored payload cannot be read", cancellationToken).ConfigureAwait(false);
            return;
        }
        var configuration = config.ByArn(payload.ConfigurationArn);
        if (configuration is null)
        {
            await DeadAsync(owner, record, $"configuration {payload.ConfigurationArn} no longer exists", cancellationToken).ConfigureAwait(false);
            return;
        }
        var target = configuration.Target;
        if (target.Key != record.TargetKey)
        {
            await DeadAsync(owner, record, $"configuration {payload.ConfigurationArn} now posts to another target", cancellationToken).ConfigureAwait(false);
            return;
        }
        var kind = ChatTargetKinds.KindOf(target);
        if (!_channels.TryGetValue(kind, out var channel))
        {
            await DeadAsync(owner, record, $"no adapter for {kind.ToWireName()} targets", cancellationToken).ConfigureAwait(false);
            return;
        }
        var message = payload.Message;
        if (charts is not null && payload.Chart is { } chart && message.Image is null && ShowsImages(kind))
        {
            // Fetched here, per configuration role, rather than when the notification is processed: a slow CloudWatch
            // holds up only this target's queue. The cache makes retries and the other targets cheap.
            message = await charts.AttachAsync(message, chart, configuration.Document.IamRoleArn, cancellationToken).ConfigureAwait(false);
            if (kind == ChatTargetKind.Console)
            {
                // The console reads the stored payload later: keep the chart (or the note) there.
                await store.Outbox.ReplacePayloadAsync(record.Id, owner, (payload with { Message = message, Chart = null }).ToJson(), cancellationToken).ConfigureAwait(false);
            }
        }
        if (!await WaitForRateLimitAsync(owner, record, target, deadline, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var threaded = kind == ChatTargetKind.SlackApi && payload.ThreadKey is not null && payload.DigestOf.Count == 0;
        var anchor = threaded ? await store.Threads.GetAsync(target.Key, payload.ThreadKey!, cancellationToken).ConfigureAwait(false) : null;
        var context = new DeliveryContext
        {
            DeliveryId = record.Id.ToString(CultureInfo.InvariantCulture),
            ThreadParentId = anchor?.PlatformMessageId,
            OriginalEvent = payload.OriginalEvent,
            Attempt = record.Attempts,
        };
        if (anchor is not null && payload.UpdateKey is not null)
        {
            // The parent is edited first: an edit repeated after a failure is harmless, a repeated thread reply is not.
            var edit = await channel.SendAsync(target, message, context with { ReplaceMessageId = anchor.PlatformMessageId, DeliveryId = context.DeliveryId + "-update" },
                cancellationToken).ConfigureAwait(false);
            if (edit is DeliveryResult.Retryable)
            {
                await RecordAsync(owner, record, target, edit, null, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        var result = await channel.SendAsync(target, message, context, cancellationToken).ConfigureAwait(false);
        await RecordAsync(owner, record, target, result, threaded && anchor is null ? payload.ThreadKey : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Targets that can show a chart: Slack through the upload flow, the console inline, webhooks as base64.</summary>
    private static bool ShowsImages(ChatTargetKind kind) => kind is ChatTargetKind.SlackApi or ChatTargetKind.Console or ChatTargetKind.Webhook;

    private async Task<bool> WaitForRateLimitAsync(string owner, DeliveryRecord record, ChatTarget target, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var decision = limiter.TryAcquire(target);
            if (decision.Allowed)
            {
                return true;
            }
            // With digests on, a delivery that finds no token waits in the queue, where the next pass can group it.
            if (options.Digests || decision.RetryAfter > options.MaxLocalWait || time.GetUtcNow() + decision.RetryAfter > deadline)
            {
                var ok = await store.Outbox.DeferAsync(record.Id, owner, time.GetUtcNow() + decision.RetryAfter, "waiting for the target's rate limit", cancellationToken).ConfigureAwait(false);
                waitsForToken?.Invoke(record.TargetKey);
                observe(new DeliveryOutcome(record.Id, record.TargetKey, ok ? "retry" : "lease-lost", "rate limit"));
                return false;
            }
            await Task.Delay(decision.RetryAfter, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(string owner, DeliveryRecord record, ChatTarget target, DeliveryResult result, string? newThreadKey, CancellationToken cancellationToken)
    {
        if (result is DeliveryResult.Retryable { RetryAfter: { } wait })
        {
            limiter.Penalize(target.Key, wait);
        }
        var now = time.GetUtcNow();
        var decision = RetrySchedule.Decide(result, Math.Max(1, record.Attempts), record.CreatedAt, now, options.Retry, Random.Shared.NextDouble());
        bool ok;
        switch (decision)
        {
            case RetryDecision.Done done:
                if (newThreadKey is not null && done.PlatformMessageId is { } parent)
                {
                    await store.Threads.GetOrAddAsync(new ThreadAnchor(target.Key, newThreadKey, parent, null, now), cancellationToken).ConfigureAwait(false);
                }
                ok = await store.Outbox.CompleteAsync(record.Id, owner, done.PlatformMessageId, cancellationToken).ConfigureAwait(false);
                observe(new DeliveryOutcome(record.Id, record.TargetKey, ok ? "delivered" : "lease-lost", null));
                if (_failing.TryRemove(target.Key, out _))
                {
                    await store.Outbox.WakeTargetAsync(target.Key, cancellationToken).ConfigureAwait(false);
                }
                break;
            case RetryDecision.RetryAt retry:
                _failing.TryAdd(target.Key, 0);
                ok = await store.Outbox.RetryAsync(record.Id, owner, retry.At, target.Redact(retry.LastError), cancellationToken).ConfigureAwait(false);
                observe(new DeliveryOutcome(record.Id, record.TargetKey, ok ? "retry" : "lease-lost", target.Redact(retry.LastError)));
                break;
            case RetryDecision.DeadLetter dead:
                await DeadAsync(owner, record, target.Redact(dead.LastError), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task DeadAsync(string owner, DeliveryRecord record, string error, CancellationToken cancellationToken)
    {
        var ok = await store.Outbox.DeadLetterAsync(record.Id, owner, error, cancellationToken).ConfigureAwait(false);
        observe(new DeliveryOutcome(record.Id, record.TargetKey, ok ? "dead" : "lease-lost", error));
    }
}
