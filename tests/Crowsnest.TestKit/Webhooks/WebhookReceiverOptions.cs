using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Webhooks;

/// <summary>Options of the generic webhook receiver.</summary>
public sealed record WebhookReceiverOptions : EmulatorOptions
{
    /// <summary>Accept posts to any <c>/hooks/{id}</c>, unsigned (benchmarks).</summary>
    public bool AcceptAnyPath { get; init; }

    /// <summary>The status of an accepted post.</summary>
    public int SuccessStatus { get; init; } = 200;

    /// <summary>How far a signature's timestamp may be from the receiver's clock.</summary>
    public TimeSpan SignatureTolerance { get; init; } = TimeSpan.FromMinutes(5);
}
