using Crowsnest.TestKit.Faults;

namespace Crowsnest.TestKit.Hosting;

/// <summary>Options every emulator shares: where it listens, its clock, its faults and its receipt log.</summary>
public record EmulatorOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The clock for rate limits, outage windows, slow answers and timestamps; a FakeTimeProvider in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Faults injected from the start.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Seeds the fault dice, so a run's failures repeat; null for a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>How many requests the receipt log keeps (oldest dropped first); counts are kept for all.</summary>
    public int MaxRecords { get; init; } = 200_000;

    /// <summary>How much of each body the log keeps.</summary>
    public int MaxRecordedBodyChars { get; init; } = 64 * 1024;

    /// <summary>The listen backlog: benchmarks open bursts of connections.</summary>
    public int ListenBacklog { get; init; } = 4096;

    /// <summary>When set, Kestrel and request logs go to the console at this level (process mode).</summary>
    public LogLevel? ConsoleLogLevel { get; init; }
}
