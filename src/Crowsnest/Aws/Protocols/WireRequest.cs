namespace Crowsnest.Aws.Protocols;

/// <summary>An AWS request before addressing and signing: method, path with query, headers, body.</summary>
public sealed record WireRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType);

/// <summary>An AWS response as received: status, headers (case-insensitive, joined with ','), body.</summary>
public sealed record WireResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>An AWS error answer: code (e.g. <c>AccessDenied</c>), AWS's message, HTTP status and request id.</summary>
public sealed record AwsError(string Code, string Message, int Status, string? RequestId);
