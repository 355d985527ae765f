using System.Net.Http.Headers;

namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// The one classifier every adapter uses to turn a platform's answer into a <see cref="DeliveryResult"/>:
/// 2xx without a platform error is delivered; 408, 429 and 5xx are retryable (honouring <c>Retry-After</c>);
/// other statuses are permanent; Slack's <c>ok:false</c> codes follow <see cref="SlackErrorCodes"/>.
/// </summary>
public static class ResponseClassifier
{
    /// <summary>Classifies a response from its status, its <c>Retry-After</c> header and the platform's error code.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">The response headers (for <c>Retry-After</c>), when there are any.</param>
    /// <param name="now">The current time, to read an HTTP-date <c>Retry-After</c>.</param>
    /// <param name="platformError">The error code in the body: Slack's <c>error</c>, or a webhook's plain-text code.</param>
    /// <param name="platformMessageId">The platform's message id, for a delivered result.</param>
    public static DeliveryResult Classify(int statusCode, HttpResponseHeaders? headers, DateTimeOffset now,
        string? platformError = null, string? platformMessageId = null) =>
        Classify(statusCode, headers is null ? null : RetryAfterHeader.From(headers, now), platformError, platformMessageId);

    /// <summary>Classifies a response whose <c>Retry-After</c> header is given as raw text.</summary>
    public static DeliveryResult Classify(int statusCode, string? retryAfter, DateTimeOffset now,
        string? platformError = null, string? platformMessageId = null) =>
        Classify(statusCode, RetryAfterHeader.Parse(retryAfter, now), platformError, platformMessageId);

    /// <summary>Classifies a response whose <c>Retry-After</c> wait is already known.</summary>
    public static DeliveryResult Classify(int statusCode, TimeSpan? retryAfter, string? platformError = null, string? platformMessageId = null)
    {
        var code = SafeCode(platformError);
        if (statusCode is >= 200 and < 300)
        {
            return code is null ? new DeliveryResult.Delivered(platformMessageId) : ClassifySlackError(code, retryAfter);
        }
        var reason = code is null ? $"http {statusCode}" : $"http {statusCode} {code}";
        return statusCode switch
        {
            408 or 429 or (>= 500 and < 600) => new DeliveryResult.Retryable(reason, retryAfter),
            _ => new DeliveryResult.Permanent(reason),
        };
    }

    /// <summary>Classifies a Slack <c>ok:false</c> error code carried by an HTTP 200 answer.</summary>
    public static DeliveryResult ClassifySlackError(string error, TimeSpan? retryAfter = null)
    {
        var code = SafeCode(error) ?? "unknown_error";
        return SlackErrorCodes.IsRetryable(code)
            ? new DeliveryResult.Retryable($"slack {code}", retryAfter)
            : new DeliveryResult.Permanent($"slack {code}");
    }

    /// <summary>
    /// Classifies an exception thrown while sending. Returns false when it is the caller's own cancellation or not a
    /// transport failure (a bug): the adapter then rethrows it.
    /// </summary>
    public static bool TryClassifyException(Exception exception, CancellationToken cancellationToken, out DeliveryResult result)
    {
        ArgumentNullException.ThrowIfNull(exception);
        result = null!;
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        switch (exception)
        {
            case TimeoutException:
            case OperationCanceledException:
                // HttpClient.Timeout surfaces as a TaskCanceledException that is not the caller's: the request may have arrived.
                result = new DeliveryResult.Retryable("timeout", MayHaveBeenDelivered: true);
                return true;
            case HttpRequestException http:
                var neverSent = http.HttpRequestError is HttpRequestError.ConnectionError
                    or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
                var what = http.HttpRequestError switch
                {
                    HttpRequestError.Unknown => "http_error",
                    var e => ToSnake(e.ToString()),
                };
                result = new DeliveryResult.Retryable($"transport {what}", MayHaveBeenDelivered: !neverSent);
                return true;
            case IOException:
                result = new DeliveryResult.Retryable("transport io_error", MayHaveBeenDelivered: true);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A platform error code only if it looks like one (short, lowercase letters and <c>_</c>, as Slack's and the
    /// webhooks' codes are); anything else (an HTML page, text that might quote the request, a token or a URL's
    /// secret) is dropped so no secret can travel into a reason.
    /// </summary>
    internal static string? SafeCode(string? error)
    {
        if (string.IsNullOrWhiteSpace(error))
        {
            return null;
        }
        var trimmed = error.Trim();
        if (trimmed.Length > 64)
        {
            return null;
        }
        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiLetterLower(c) || c == '_'))
            {
                return null;
            }
        }
        return trimmed;
    }

    private static string ToSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
