using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Teams;

/// <summary>Options of the Teams Workflows webhook emulator.</summary>
public sealed record TeamsEmulatorOptions : EmulatorOptions
{
    /// <summary>Accept any workflow id and signature (benchmarks with many channels).</summary>
    public bool AcceptAnyWebhook { get; init; }

    /// <summary>Message size limit: 28 KB.</summary>
    public int MaxPayloadBytes { get; init; } = 28 * 1024;

    /// <summary>More than this many requests per second per webhook are answered 429.</summary>
    public int RequestsPerSecond { get; init; } = 4;

    public bool RateLimitsEnabled { get; init; } = true;

    /// <summary>Reject <c>Action.Submit</c> (webhook cards have no bot to answer it).</summary>
    public bool Strict { get; init; } = true;

    /// <summary>The newest Adaptive Card version Teams renders on desktop and web.</summary>
    public Version MaxCardVersion { get; init; } = new(1, 5);

    /// <summary>The success status of the Workflows trigger.</summary>
    public int SuccessStatus { get; init; } = 202;
}
