namespace Crowsnest.TestKit.Faults;

/// <summary>
/// Which failures an emulator injects. Each platform request draws once: with probability <see cref="ErrorRate"/>
/// it is answered with one of <see cref="ErrorStatuses"/>, else with probability <see cref="RateLimitRate"/> 429;
/// independently it is delayed by <see cref="SlowMilliseconds"/> with probability <see cref="SlowRate"/>. Inside an
/// outage window every request is answered 503.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>No faults.</summary>
    public static FaultSettings None { get; } = new();

    /// <summary>The fraction of requests answered with a 5xx.</summary>
    public double ErrorRate { get; init; }

    /// <summary>The statuses of injected errors, chosen uniformly.</summary>
    public IReadOnlyList<int> ErrorStatuses { get; init; } = [500, 502, 503];

    /// <summary>The fraction of requests answered 429.</summary>
    public double RateLimitRate { get; init; }

    /// <summary>The <c>Retry-After</c> of injected 429s and outage 503s.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The fraction of requests answered slowly.</summary>
    public double SlowRate { get; init; }

    /// <summary>How slow a slow answer is.</summary>
    public int SlowMilliseconds { get; init; } = 2000;

    /// <summary>Windows in which every request is answered 503.</summary>
    public IReadOnlyList<OutageWindow> Outages { get; init; } = [];
}

/// <summary>A time window in which the emulator is down.</summary>
public sealed record OutageWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>True when <paramref name="now"/> is inside.</summary>
    public bool Contains(DateTimeOffset now) => now >= From && now < To;
}

/// <summary>A canned answer for the next platform request, ahead of any random fault.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body (JSON or text), or null for none.</param>
/// <param name="RetryAfter">A raw <c>Retry-After</c> header value, or null.</param>
/// <param name="ContentType">The body's content type.</param>
/// <param name="DelayMilliseconds">Waits this long before answering.</param>
public sealed record ScriptedResponse(int Status, string? Body = null, string? RetryAfter = null,
    string ContentType = "application/json; charset=utf-8", int DelayMilliseconds = 0);

/// <summary>What the fault injector decided for one request.</summary>
public sealed record FaultDecision(FaultKind Kind, int Status = 0, TimeSpan Delay = default, int RetryAfterSeconds = 0, ScriptedResponse? Scripted = null)
{
    /// <summary>No fault: answer normally.</summary>
    public static FaultDecision None { get; } = new(FaultKind.None);
}

/// <summary>The kinds of injected fault.</summary>
public enum FaultKind
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>A 5xx answer.</summary>
    Error,

    /// <summary>A 429 answer.</summary>
    RateLimit,

    /// <summary>A 503 inside an outage window.</summary>
    Outage,

    /// <summary>A normal answer after a delay.</summary>
    Slow,

    /// <summary>A scripted answer.</summary>
    Scripted,
}
