namespace Crowsnest.Aws.Models;

/// <summary>One operation of a service: HTTP binding, input and output shapes, paginator, and the model's host prefix (<c>endpoint.hostPrefix</c>).</summary>
public sealed record OperationModel(
    ServiceModel Service,
    string Name,
    string CliName,
    string HttpMethod,
    string RequestUri,
    Shape? Input,
    Shape? Output,
    Paginator? Paginator,
    string? HostPrefix = null)
{
    /// <summary>The IAM action this call needs, e.g. <c>cloudwatch:DescribeAlarms</c>.</summary>
    public string IamAction => IamActions.For(this);

    /// <summary>True when the call only reads (Get/List/Describe/... and not a known sensitive or mutating exception).</summary>
    public bool IsReadOnly => ReadOnlyOperations.IsReadOnly(this);
}

/// <summary>A botocore paginator: input and output tokens, limit key, result keys, and the other keys a merged result keeps.</summary>
public sealed record Paginator(
    IReadOnlyList<string> InputTokens,
    IReadOnlyList<string> OutputTokens,
    string? LimitKey,
    IReadOnlyList<string> ResultKeys,
    string? MoreResults,
    IReadOnlyList<string> NonAggregateKeys);
