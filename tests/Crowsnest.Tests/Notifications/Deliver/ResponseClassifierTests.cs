using System.Net.Sockets;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Tests.Notifications.Deliver;

public class ResponseClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, string> StatusTable => new()
    {
        { 200, "delivered" }, { 201, "delivered" }, { 202, "delivered" }, { 204, "delivered" },
        { 301, "permanent" }, { 304, "permanent" },
        { 400, "permanent" }, { 401, "permanent" }, { 403, "permanent" }, { 404, "permanent" }, { 405, "permanent" },
        { 408, "retryable" }, { 409, "permanent" }, { 410, "permanent" }, { 413, "permanent" }, { 415, "permanent" },
        { 422, "permanent" }, { 429, "retryable" },
        { 500, "retryable" }, { 501, "retryable" }, { 502, "retryable" }, { 503, "retryable" }, { 504, "retryable" }, { 599, "retryable" },
    };

    [Theory]
    [MemberData(nameof(StatusTable))]
    public void Classifies_each_status(int status, string expected)
    {
        var result = ResponseClassifier.Classify(status, (string?)null, Now, platformMessageId: "m1");
        Assert.Equal(expected, Name(result));
        if (result is DeliveryResult.Delivered delivered)
        {
            Assert.Equal("m1", delivered.PlatformMessageId);
        }
        else
        {
            Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), Reason(result), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> SlackErrors => new()
    {
        { "channel_not_found", "permanent" }, { "invalid_auth", "permanent" }, { "not_authed", "permanent" },
        { "not_in_channel", "permanent" }, { "is_archived", "permanent" }, { "msg_too_long", "permanent" },
        { "invalid_blocks", "permanent" }, { "invalid_blocks_format", "permanent" }, { "no_text", "permanent" },
        { "token_revoked", "permanent" }, { "account_inactive", "permanent" }, { "missing_scope", "permanent" },
        { "message_not_found", "permanent" }, { "cant_update_message", "permanent" }, { "some_future_error", "permanent" },
        { "ratelimited", "retryable" }, { "rate_limited", "retryable" }, { "internal_error", "retryable" },
        { "fatal_error", "retryable" }, { "service_unavailable", "retryable" }, { "request_timeout", "retryable" },
    };

    [Theory]
    [MemberData(nameof(SlackErrors))]
    public void Classifies_slack_ok_false_errors_carried_by_http_200(string error, string expected)
    {
        var result = ResponseClassifier.Classify(200, (string?)null, Now, platformError: error);
        Assert.Equal(expected, Name(result));
        Assert.Equal($"slack {error}", Reason(result));
    }

    [Fact]
    public void A_429_carries_its_retry_after()
    {
        var result = Assert.IsType<DeliveryResult.Retryable>(ResponseClassifier.Classify(429, "17", Now, platformError: "ratelimited"));
        Assert.Equal(TimeSpan.FromSeconds(17), result.RetryAfter);
        Assert.Equal("http 429 ratelimited", result.Reason);
        Assert.False(result.MayHaveBeenDelivered);
    }

    [Fact]
    public void A_503_with_an_http_date_waits_until_that_date()
    {
        var result = Assert.IsType<DeliveryResult.Retryable>(ResponseClassifier.Classify(503, Now.AddSeconds(90).ToString("r"), Now));
        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Fact]
    public void Reads_retry_after_from_response_headers()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "3");
        var result = Assert.IsType<DeliveryResult.Retryable>(ResponseClassifier.Classify(429, response.Headers, Now));
        Assert.Equal(TimeSpan.FromSeconds(3), result.RetryAfter);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway at https://hooks.example/services/T1/B1/SECRET</body></html>")]
    [InlineData("Error: token xoxb-123-secret is invalid")]
    [InlineData("THIS_IS_UPPER")]
    [InlineData("xoxb-1-emulator-bot-token")]
    [InlineData("f730b902902bb8752b957e10")]
    [InlineData("a_code_that_is_far_too_long_to_be_a_real_platform_error_code_at_all_xx")]
    public void Bodies_that_are_not_short_codes_never_reach_the_reason(string body)
    {
        var result = ResponseClassifier.Classify(400, (string?)null, Now, platformError: body);
        Assert.Equal("http 400", Reason(result));
    }

    [Fact]
    public void A_webhook_plain_text_code_is_kept()
    {
        Assert.Equal("http 404 channel_not_found", Reason(ResponseClassifier.Classify(404, (string?)null, Now, platformError: "channel_not_found")));
    }

    [Fact]
    public void A_timeout_is_retryable_and_may_have_been_delivered()
    {
        Assert.True(ResponseClassifier.TryClassifyException(new TaskCanceledException("timeout", new TimeoutException()), CancellationToken.None, out var result));
        var retry = Assert.IsType<DeliveryResult.Retryable>(result);
        Assert.Equal("timeout", retry.Reason);
        Assert.True(retry.MayHaveBeenDelivered);
    }

    [Fact]
    public void A_refused_connection_is_retryable_and_was_not_delivered()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException(111));
        Assert.True(ResponseClassifier.TryClassifyException(refused, CancellationToken.None, out var result));
        var retry = Assert.IsType<DeliveryResult.Retryable>(result);
        Assert.Equal("transport connection_error", retry.Reason);
        Assert.False(retry.MayHaveBeenDelivered);
    }

    [Fact]
    public void A_response_that_ended_early_may_have_been_delivered()
    {
        var ended = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");
        Assert.True(ResponseClassifier.TryClassifyException(ended, CancellationToken.None, out var result));
        Assert.True(Assert.IsType<DeliveryResult.Retryable>(result).MayHaveBeenDelivered);
    }

    [Fact]
    public void The_callers_cancellation_and_bugs_are_not_classified()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.False(ResponseClassifier.TryClassifyException(new OperationCanceledException(cts.Token), cts.Token, out _));
        Assert.False(ResponseClassifier.TryClassifyException(new NullReferenceException(), CancellationToken.None, out _));
    }

    internal static string Name(DeliveryResult result) => result switch
    {
        DeliveryResult.Delivered => "delivered",
        DeliveryResult.Retryable => "retryable",
        DeliveryResult.Permanent => "permanent",
        _ => "unknown",
    };

    internal static string Reason(DeliveryResult result) => result switch
    {
        DeliveryResult.Retryable r => r.Reason,
        DeliveryResult.Permanent p => p.Reason,
        _ => "",
    };
}
