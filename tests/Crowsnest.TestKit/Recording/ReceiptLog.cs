using System.Globalization;

namespace Crowsnest.TestKit.Recording;

/// <summary>
/// Everything the emulator's platform endpoints received, in order, with counts (duplicates by message key among
/// accepted writes). Thread-safe; readable in-process and over HTTP (<c>/_emulator/received</c>, <c>/_emulator/stats</c>).
/// </summary>
public sealed class ReceiptLog(int maxRecords)
{
    private readonly Lock _gate = new();
    private readonly Queue<ReceivedRequest> _records = new();
    private readonly Dictionary<string, long> _acceptedWriteKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private readonly List<(Func<ReceivedRequest, bool> Match, TaskCompletionSource<ReceivedRequest> Done)> _waiters = [];
    private long _sequence;
    private long _accepted;
    private long _faults;
    private long _acceptedWrites;
    private long _duplicates;

    /// <summary>Adds a record; assigns its sequence number.</summary>
    public ReceivedRequest Add(Func<long, ReceivedRequest> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        List<TaskCompletionSource<ReceivedRequest>>? wake = null;
        ReceivedRequest record;
        lock (_gate)
        {
            record = create(++_sequence);
            _records.Enqueue(record);
            while (_records.Count > maxRecords)
            {
                _records.Dequeue();
            }
            Count(_byStatus, record.Status.ToString(CultureInfo.InvariantCulture));
            Count(_byOperation, $"{record.Platform} {record.Operation}");
            _faults += record.Fault is null ? 0 : 1;
            if (record.Accepted)
            {
                _accepted++;
                if (record.IsWrite)
                {
                    _acceptedWrites++;
                    if (Count(_acceptedWriteKeys, record.MessageKey) > 1)
                    {
                        _duplicates++;
                    }
                }
            }
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(record))
                {
                    (wake ??= []).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }
        wake?.ForEach(w => w.TrySetResult(record));
        return record;
    }

    /// <summary>The kept records matching <paramref name="filter"/>, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> All(Func<ReceivedRequest, bool>? filter = null)
    {
        lock (_gate)
        {
            return filter is null ? [.. _records] : [.. _records.Where(filter)];
        }
    }

    /// <summary>The accepted writes (messages that reached the platform), oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> AcceptedWrites() => All(r => r.Accepted && r.IsWrite);

    /// <summary>Counts since the last reset.</summary>
    public ReceiptStats Stats()
    {
        lock (_gate)
        {
            return new ReceiptStats(_sequence, _accepted, _sequence - _accepted, _faults, _acceptedWrites,
                _acceptedWriteKeys.Count, _duplicates,
                new Dictionary<string, long>(_byStatus), new Dictionary<string, long>(_byOperation));
        }
    }

    /// <summary>Completes with the first record (already kept or yet to come) that matches.</summary>
    public Task<ReceivedRequest> WaitForAsync(Func<ReceivedRequest, bool> match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var done = new TaskCompletionSource<ReceivedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _records.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }
            _waiters.Add((match, done));
        }
        cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        return done.Task;
    }

    /// <summary>Forgets every record and count.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
            _acceptedWriteKeys.Clear();
            _byStatus.Clear();
            _byOperation.Clear();
            _sequence = _accepted = _faults = _acceptedWrites = _duplicates = 0;
        }
    }

    private static long Count(Dictionary<string, long> counts, string key)
    {
        var value = counts.GetValueOrDefault(key) + 1;
        counts[key] = value;
        return value;
    }
}
