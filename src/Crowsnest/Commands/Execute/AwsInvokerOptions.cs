using Crowsnest.Aws.Endpoints;

namespace Crowsnest.Commands.Execute;

/// <summary>Limits and addressing for <see cref="AwsInvoker"/>.</summary>
public sealed record AwsInvokerOptions
{
    /// <summary>The whole call, all pages included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The server's cap on items gathered by automatic pagination (a smaller --max-items wins).</summary>
    public int MaxItemsCap { get; init; } = 1000;

    /// <summary>The server's cap on pages fetched for one command.</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>Retries after throttling, 5xx answers and connection failures.</summary>
    public int MaxRetries { get; init; } = 2;

    public AwsEndpointOptions Endpoints { get; init; } = AwsEndpointOptions.FromEnvironment();

    /// <summary>S3 buckets in the path (<c>https://s3.region.amazonaws.com/bucket</c>) rather than in the host name.</summary>
    public bool ForcePathStyle { get; init; }
}
