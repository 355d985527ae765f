using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Crowsnest.Messages;

namespace Crowsnest.Notifications.Charts;

/// <summary>
/// Alarm charts for the delivery path: one <see cref="ChartAttacher"/> per IAM role (the configuration's), and a
/// bounded cache per role, alarm, state change and period, so the targets of one notification and its retries share
/// one fetch. A fetch in flight is shared too; a caller that gives up does not cancel it for the others.
/// </summary>
public sealed class AlarmCharts(Func<string?, ChartAttacher> attacherForRole, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChartAttacher> _attachers = new(StringComparer.Ordinal);

    /// <summary>How long a drawn chart is reused.</summary>
    public TimeSpan ChartLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a failure is remembered before the next delivery tries again.</summary>
    public TimeSpan FailureLifetime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The most charts kept.</summary>
    public int MaxEntries { get; init; } = 128;

    /// <summary>Returns <paramref name="message"/> with the chart, or with one line saying why there is none.</summary>
    /// <param name="message">The rendered alarm message.</param>
    /// <param name="request">The alarm's chart request.</param>
    /// <param name="roleArn">The configuration's IAM role; null uses the service's own credentials.</param>
    /// <param name="cancellationToken">Stops waiting (the shared fetch goes on for other callers).</param>
    public async Task<ChatMessage> AttachAsync(ChatMessage message, MetricChartRequest request, string? roleArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ChartAttacher.Apply(message, await OutcomeAsync(request, roleArn, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The chart or the reason there is none, from the cache or fetched now.</summary>
    public Task<ChartOutcome> OutcomeAsync(MetricChartRequest request, string? roleArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = Key(request, roleArn);
        var now = time.GetUtcNow();
        while (true)
        {
            if (_cache.TryGetValue(key, out var known) && !known.Expired(now, ChartLifetime, FailureLifetime))
            {
                return known.Outcome.WaitAsync(cancellationToken);
            }
            var fresh = new Entry(now, new Lazy<Task<ChartOutcome>>(() => Attacher(roleArn).DrawAsync(request, CancellationToken.None)));
            var stored = known is null ? _cache.GetOrAdd(key, fresh) : _cache.TryUpdate(key, fresh, known) ? fresh : null;
            if (stored is null)
            {
                continue;
            }
            if (ReferenceEquals(stored, fresh))
            {
                Trim(now);
            }
            return stored.Outcome.WaitAsync(cancellationToken);
        }
    }

    private ChartAttacher Attacher(string? roleArn) => _attachers.GetOrAdd(roleArn ?? "", _ => attacherForRole(roleArn));

    private void Trim(DateTimeOffset now)
    {
        if (_cache.Count <= MaxEntries)
        {
            return;
        }
        foreach (var (key, entry) in _cache)
        {
            if (entry.Expired(now, ChartLifetime, FailureLifetime))
            {
                _cache.TryRemove(key, out _);
            }
        }
        foreach (var (key, _) in _cache.OrderBy(e => e.Value.Created).Take(Math.Max(0, _cache.Count - MaxEntries)))
        {
            _cache.TryRemove(key, out _);
        }
    }

    private static string Key(MetricChartRequest r, string? roleArn)
    {
        var key = new StringBuilder();
        key.Append(roleArn).Append('\n').Append(r.Region).Append('\n').Append(r.Account).Append('\n').Append(r.AlarmName).Append('\n')
            .Append(r.StateChangeTime.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(r.NewState).Append('\n')
            .Append(r.EvaluationPeriods.ToString(CultureInfo.InvariantCulture));
        foreach (var q in r.Queries)
        {
            key.Append('\n').Append(q.Id).Append('|').Append(q.Namespace).Append('|').Append(q.MetricName).Append('|').Append(q.Expression)
                .Append('|').Append(q.Statistic).Append('|').Append(q.Period.TotalSeconds.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, value) in q.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                key.Append('|').Append(name).Append('=').Append(value);
            }
        }
        return key.ToString();
    }

    private sealed class Entry(DateTimeOffset created, Lazy<Task<ChartOutcome>> outcome)
    {
        public DateTimeOffset Created { get; } = created;

        public Task<ChartOutcome> Outcome => outcome.Value;

        /// <summary>A fetch in flight never expires; a finished one after its lifetime (shorter for failures).</summary>
        public bool Expired(DateTimeOffset now, TimeSpan chartLifetime, TimeSpan failureLifetime) =>
            outcome.IsValueCreated && outcome.Value.IsCompleted
            && now - Created > (outcome.Value.IsCompletedSuccessfully && outcome.Value.Result.Image is not null ? chartLifetime : failureLifetime);
    }
}
