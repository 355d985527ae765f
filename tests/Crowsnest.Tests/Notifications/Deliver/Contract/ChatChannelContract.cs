using System.Globalization;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;
using Crowsnest.TestKit.Faults;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Notifications.Deliver.Contract;

/// <summary>
/// The contract every HTTP chat adapter passes, run against the emulator of its kind: the status-code table,
/// <c>Retry-After</c>, timeouts, unreachable endpoints, no secret in any result, cancellation, the delivery id.
/// Subclass it with the adapter's <see cref="Kind"/> and <see cref="CreateChannel"/>.
/// </summary>
public abstract class ChatChannelContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private HttpClient _http = null!;
    private HttpClient _impatientHttp = null!;

    /// <summary>The clock of both the emulator and the adapter; slow answers hang until it is advanced.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    protected ContractEndpoint Endpoint { get; private set; } = null!;

    protected IChatChannel Channel { get; private set; } = null!;

    /// <summary>The same adapter on a client that gives up after <see cref="ClientTimeout"/>.</summary>
    protected IChatChannel ImpatientChannel { get; private set; } = null!;

    protected abstract ChatTargetKind Kind { get; }

    /// <summary>The adapter under test, sending through <paramref name="http"/> and reading the clock from <paramref name="time"/>.</summary>
    protected abstract IChatChannel CreateChannel(HttpClient http, TimeProvider time);

    /// <summary>The impatient client's timeout; a hanging emulator answer outlives it.</summary>
    protected virtual TimeSpan ClientTimeout => TimeSpan.FromSeconds(1);

    protected virtual ChatMessage Message { get; } = new()
    {
        EventType = "cloudwatch.alarm",
        Title = "ALARM: CPU high on web-1",
        Severity = Severity.High,
        Summary = "CPUUtilization > 80 for 5 minutes",
        Fields = [new MessageField("Account", "123456789012"), new MessageField("Region", "eu-west-1")],
    };

    public async Task InitializeAsync()
    {
        Endpoint = await ContractEndpoint.StartAsync(Kind, Time);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        _impatientHttp = new HttpClient { Timeout = ClientTimeout };
        Channel = CreateChannel(_http, Time);
        ImpatientChannel = CreateChannel(_impatientHttp, Time);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _impatientHttp.Dispose();
        await Endpoint.DisposeAsync();
    }

    protected Task<DeliveryResult> SendAsync(DeliveryContext? context = null, CancellationToken cancellationToken = default) =>
        Channel.SendAsync(Endpoint.Target, Message, context ?? new DeliveryContext { DeliveryId = "contract-1" }, cancellationToken);

    [Fact]
    public void The_adapter_is_of_the_kind_under_test() => Assert.Equal(Kind, Channel.Kind);

    [Fact]
    public async Task A_message_is_delivered_and_received_once()
    {
        Assert.IsType<DeliveryResult.Delivered>(await SendAsync());
        var received = Assert.Single(Endpoint.Host.Received.AcceptedWrites());
        Assert.Equal(Endpoint.Host.Received.Stats().Total, Endpoint.Host.Received.All().Count);
        Assert.Contains("CPU high", received.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_id_travels_with_the_request()
    {
        await SendAsync(new DeliveryContext { DeliveryId = "delivery-42" });
        var received = Endpoint.Host.Received.All().Last();
        Assert.Equal("delivery-42", received.Headers.GetValueOrDefault("X-Crowsnest-Delivery-Id"));
    }

    public static TheoryData<int, string> StatusTable => new()
    {
        { 400, "permanent" }, { 401, "permanent" }, { 403, "permanent" }, { 404, "permanent" }, { 410, "permanent" },
        { 413, "permanent" }, { 408, "retryable" }, { 429, "retryable" }, { 500, "retryable" }, { 502, "retryable" },
        { 503, "retryable" }, { 504, "retryable" },
    };

    [Theory]
    [MemberData(nameof(StatusTable))]
    public async Task Each_status_is_classified(int status, string expected)
    {
        Endpoint.Host.Faults.Script(new ScriptedResponse(status, "error", ContentType: "text/plain"));
        var result = await SendAsync();
        Assert.Equal(expected, ResponseClassifierTests.Name(result));
        Assert.Contains(status.ToString(CultureInfo.InvariantCulture), ResponseClassifierTests.Reason(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, "7", 7)]
    [InlineData(503, "120", 120)]
    [InlineData(429, "Sat, 28 Nov 2026 12:00:30 GMT", 30)]
    [InlineData(503, "Sat, 28 Nov 2026 11:00:00 GMT", 0)]
    public async Task Retry_after_is_honoured(int status, string header, double seconds)
    {
        Endpoint.Host.Faults.Script(new ScriptedResponse(status, "slow down", header, "text/plain"));
        var result = Assert.IsType<DeliveryResult.Retryable>(await SendAsync());
        Assert.Equal(TimeSpan.FromSeconds(seconds), result.RetryAfter);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("")]
    public async Task A_garbage_retry_after_is_ignored(string header)
    {
        Endpoint.Host.Faults.Script(new ScriptedResponse(429, "slow down", header, "text/plain"));
        var result = Assert.IsType<DeliveryResult.Retryable>(await SendAsync());
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task A_timeout_is_retryable_and_may_have_been_delivered()
    {
        // The scripted delay runs on the fake clock, so the answer never comes while the client waits.
        Endpoint.Host.Faults.Script(new ScriptedResponse(200, DelayMilliseconds: 60_000));
        var result = Assert.IsType<DeliveryResult.Retryable>(await ImpatientChannel.SendAsync(Endpoint.Target, Message, DeliveryContext.None, CancellationToken.None));
        Assert.True(result.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retryable_and_was_not_delivered()
    {
        await Endpoint.DisposeAsync();
        var result = Assert.IsType<DeliveryResult.Retryable>(await SendAsync());
        Assert.False(result.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task No_result_ever_contains_a_secret()
    {
        var results = new List<DeliveryResult>();
        var echo = string.Join(' ', Endpoint.Secrets);
        foreach (var status in new[] { 200, 400, 401, 403, 404, 429, 500, 503 })
        {
            // A hostile or careless server that echoes the request's secrets back.
            Endpoint.Host.Faults.Script(new ScriptedResponse(status, $$"""{"ok":false,"error":"{{Endpoint.Target.Token ?? "x"}}","echo":"{{echo}}"}"""));
            results.Add(await SendAsync());
            Endpoint.Host.Faults.Script(new ScriptedResponse(status, echo, ContentType: "text/plain"));
            results.Add(await SendAsync());
        }
        Endpoint.Host.Faults.Script(new ScriptedResponse(200, DelayMilliseconds: 60_000));
        results.Add(await ImpatientChannel.SendAsync(Endpoint.Target, Message, DeliveryContext.None, CancellationToken.None));
        await Endpoint.DisposeAsync();
        results.Add(await SendAsync());

        Assert.Contains(results, r => r is not DeliveryResult.Delivered);
        foreach (var text in results.Select(r => r.ToString() + ResponseClassifierTests.Reason(r)))
        {
            foreach (var secret in Endpoint.Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_callers_cancellation_is_thrown()
    {
        Endpoint.Host.Faults.Script(new ScriptedResponse(200, DelayMilliseconds: 60_000));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(cancellationToken: cts.Token));
    }

    [Fact]
    public async Task A_cancelled_call_sends_nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(cancellationToken: cts.Token));
        Assert.Equal(0, Endpoint.Host.Received.Stats().Total);
    }
}
