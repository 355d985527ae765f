namespace Crowsnest.TestKit.Faults;

/// <summary>
/// Decides, per platform request, whether to inject a fault. Settings can be replaced at run time; the dice are a
/// seeded <see cref="Random"/>, so a sequence of requests meets the same faults on every run. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Queue<ScriptedResponse> _script = new();
    private readonly Dictionary<FaultKind, long> _counts = [];
    private Random _random;
    private FaultSettings _settings;

    /// <summary>Creates an injector with initial settings and an optional seed.</summary>
    public FaultInjector(FaultSettings settings, int? seed, TimeProvider time)
    {
        _settings = Validate(settings);
        _random = seed is { } s ? new Random(s) : new Random();
        _time = time;
    }

    /// <summary>The current settings.</summary>
    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    /// <summary>Replaces the settings; with a seed, restarts the dice from it.</summary>
    public void Set(FaultSettings settings, int? seed = null)
    {
        var valid = Validate(settings);
        lock (_gate)
        {
            _settings = valid;
            if (seed is { } s)
            {
                _random = new Random(s);
            }
        }
    }

    /// <summary>Adds an outage from now (plus <paramref name="startIn"/>) lasting <paramref name="duration"/>.</summary>
    public OutageWindow AddOutage(TimeSpan duration, TimeSpan startIn = default)
    {
        var from = _time.GetUtcNow() + startIn;
        var window = new OutageWindow(from, from + duration);
        lock (_gate)
        {
            _settings = _settings with { Outages = [.. _settings.Outages, window] };
        }
        return window;
    }

    /// <summary>Queues canned answers for the next requests, in order.</summary>
    public void Script(params ScriptedResponse[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }
    }

    /// <summary>Removes every fault, scripted answer and count.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _settings = FaultSettings.None;
            _script.Clear();
            _counts.Clear();
        }
    }

    /// <summary>How many faults of each kind were injected.</summary>
    public IReadOnlyDictionary<FaultKind, long> Counts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<FaultKind, long>(_counts);
            }
        }
    }

    /// <summary>Draws the fault for one request.</summary>
    public FaultDecision Decide()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var decision = DecideLocked(now);
            if (decision.Kind != FaultKind.None)
            {
                _counts[decision.Kind] = _counts.GetValueOrDefault(decision.Kind) + 1;
            }
            return decision;
        }
    }

    private FaultDecision DecideLocked(DateTimeOffset now)
    {
        var s = _settings;
        if (_script.TryDequeue(out var scripted))
        {
            return new FaultDecision(FaultKind.Scripted, scripted.Status, TimeSpan.FromMilliseconds(scripted.DelayMilliseconds), Scripted: scripted);
        }
        if (s.Outages.Any(w => w.Contains(now)))
        {
            return new FaultDecision(FaultKind.Outage, 503, RetryAfterSeconds: s.RetryAfterSeconds);
        }
        // Always draw both dice, so one setting does not shift the sequence the other sees.
        var failure = _random.NextDouble();
        var slow = _random.NextDouble();
        var pick = _random.Next(Math.Max(1, s.ErrorStatuses.Count));
        if (failure < s.ErrorRate)
        {
            return new FaultDecision(FaultKind.Error, s.ErrorStatuses.Count == 0 ? 503 : s.ErrorStatuses[pick]);
        }
        if (failure < s.ErrorRate + s.RateLimitRate)
        {
            return new FaultDecision(FaultKind.RateLimit, 429, RetryAfterSeconds: s.RetryAfterSeconds);
        }
        return slow < s.SlowRate ? new FaultDecision(FaultKind.Slow, Delay: TimeSpan.FromMilliseconds(s.SlowMilliseconds)) : FaultDecision.None;
    }

    private static FaultSettings Validate(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ErrorRate is < 0 or > 1 || settings.RateLimitRate is < 0 or > 1 || settings.SlowRate is < 0 or > 1
            || settings.ErrorRate + settings.RateLimitRate > 1)
        {
            throw new ArgumentException("Rates must lie in [0, 1] and error + rate-limit rates must not exceed 1.", nameof(settings));
        }
        if (settings.ErrorStatuses.Any(s => s is < 100 or > 599) || settings.SlowMilliseconds < 0 || settings.RetryAfterSeconds < 0)
        {
            throw new ArgumentException("Statuses must be HTTP statuses; delays must not be negative.", nameof(settings));
        }
        return settings;
    }
}
