namespace Crowsnest.TestKit.Recording;

/// <summary>One request a platform endpoint received, with the answer it got.</summary>
/// <param name="Sequence">1, 2, 3… in arrival order.</param>
/// <param name="At">When it arrived (emulator clock).</param>
/// <param name="Platform"><c>slack-api</c>, <c>slack-webhook</c>, <c>slack-upload</c>, <c>teams-webhook</c>, <c>chime-webhook</c>, <c>webhook</c>.</param>
/// <param name="Operation">The Slack method (<c>chat.postMessage</c>) or <c>post</c> for webhooks.</param>
/// <param name="Target">The channel or webhook id, when known; never a token or signature.</param>
/// <param name="MessageKey">The duplicate-detection key: operation + the <c>X-Crowsnest-Delivery-Id</c> header, else + a body hash.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Accepted">True when the platform accepted it (2xx and, for Slack, <c>ok:true</c>).</param>
/// <param name="Error">The platform error code answered, if any.</param>
/// <param name="Fault">The injected fault (<c>Error</c>, <c>RateLimit</c>, <c>Outage</c>, <c>Slow</c>, <c>Scripted</c>), if any.</param>
/// <param name="IsWrite">True for requests that post or change something (counted for duplicates).</param>
/// <param name="ContentType">The request's content type.</param>
/// <param name="Body">The body (UTF-8, possibly cut).</param>
/// <param name="Headers">The request headers that matter to tests (<c>X-Crowsnest-*</c>, <c>Content-Type</c>).</param>
public sealed record ReceivedRequest(
    long Sequence,
    DateTimeOffset At,
    string Platform,
    string Operation,
    string? Target,
    string MessageKey,
    int Status,
    bool Accepted,
    string? Error,
    string? Fault,
    bool IsWrite,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>Counts over every request received since the last reset.</summary>
/// <param name="Total">Requests received.</param>
/// <param name="Accepted">Requests accepted.</param>
/// <param name="Rejected">Requests answered with a platform error or non-2xx status (faults included).</param>
/// <param name="Faults">Requests answered by an injected fault.</param>
/// <param name="AcceptedWrites">Accepted writes (messages posted, updated, uploaded).</param>
/// <param name="DistinctAcceptedWrites">Distinct message keys among accepted writes.</param>
/// <param name="DuplicateWrites">Accepted writes whose key had been accepted before.</param>
/// <param name="ByStatus">Requests per HTTP status.</param>
/// <param name="ByOperation">Requests per <c>platform operation</c>.</param>
public sealed record ReceiptStats(
    long Total,
    long Accepted,
    long Rejected,
    long Faults,
    long AcceptedWrites,
    long DistinctAcceptedWrites,
    long DuplicateWrites,
    IReadOnlyDictionary<string, long> ByStatus,
    IReadOnlyDictionary<string, long> ByOperation);
