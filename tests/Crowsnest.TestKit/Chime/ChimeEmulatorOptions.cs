using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Chime;

/// <summary>Options of the Amazon Chime webhook emulator.</summary>
public sealed record ChimeEmulatorOptions : EmulatorOptions
{
    /// <summary>Accept any webhook id and token (benchmarks).</summary>
    public bool AcceptAnyWebhook { get; init; }

    /// <summary>The longest <c>Content</c>: 4,096 characters.</summary>
    public int MaxContentChars { get; init; } = 4096;

    /// <summary>Posts per second per webhook (1 TPS) and the burst tolerated for network jitter.</summary>
    public double PerSecond { get; init; } = 1;

    public int Burst { get; init; } = 2;

    public bool RateLimitsEnabled { get; init; } = true;

    /// <summary>After Chime's end of support every webhook answers 404.</summary>
    public bool ServiceEnded { get; init; }
}
