using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;
using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.Tests.Channels;

/// <summary>
/// The contract every HTTP chat adapter passes against its platform's emulator: delivery with the delivery id, the
/// shared status-code table, <c>Retry-After</c>, no secret in any reason, a refused connection, and cancellation.
/// </summary>
public abstract class ChatChannelContract : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    protected EmulatorHost Host { get; private set; } = null!;

    protected IChatChannel Channel { get; private set; } = null!;

    protected ChatTarget Target { get; private set; } = null!;

    protected static ChatMessage Message { get; } = new()
    {
        EventType = "custom",
        Title = "Deploy finished",
        Severity = Severity.Success,
        Summary = "Version **42** is live.",
        Fields = [new MessageField("Service", "checkout")],
    };

    /// <summary>Starts the emulator; returns its host, the adapter, and a target that exists there.</summary>
    protected abstract Task<(EmulatorHost Host, IChatChannel Channel, ChatTarget Target)> StartAsync(HttpClient http);

    /// <summary>A target the platform does not know (deleted webhook, unknown channel): a permanent failure.</summary>
    protected abstract ChatTarget UnknownTarget();

    public async Task InitializeAsync() => (Host, Channel, Target) = await StartAsync(_http);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _http.Dispose();
    }

    private Task<DeliveryResult> SendAsync(ChatTarget? target = null, CancellationToken cancellationToken = default) =>
        Channel.SendAsync(target ?? Target, Message, new DeliveryContext { DeliveryId = "delivery-1" }, cancellationToken);

    [Fact]
    public async Task A_message_is_delivered_once_with_its_delivery_id()
    {
        Assert.IsType<DeliveryResult.Delivered>(await SendAsync());
        var write = Assert.Single(Host.Received.AcceptedWrites());
        Assert.Equal("delivery-1", write.Headers.GetValueOrDefault("X-Crowsnest-Delivery-Id"));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    public async Task Statuses_are_classified_by_the_shared_table(int status, bool retryable)
    {
        Host.Faults.Script(new ScriptedResponse(status, "{\"ok\":false}"));
        var result = await SendAsync();
        Assert.Equal(retryable, result is DeliveryResult.Retryable);
        Assert.Equal(!retryable, result is DeliveryResult.Permanent);
    }

    [Fact]
    public async Task Retry_after_is_honoured()
    {
        Host.Faults.Script(new ScriptedResponse(429, "{\"ok\":false,\"error\":\"ratelimited\"}", RetryAfter: "7"));
        var result = Assert.IsType<DeliveryResult.Retryable>(await SendAsync());
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task No_reason_contains_a_secret_even_when_the_platform_echoes_the_request()
    {
        var secrets = Target.Secrets().Append(EchoedSecret()).Where(s => s.Length > 0).ToList();
        Host.Faults.Script(new ScriptedResponse(400, $"bad request: {string.Join(" ", secrets)}", ContentType: "text/plain"));
        var failed = Assert.IsType<DeliveryResult.Permanent>(await SendAsync());
        var unknown = await SendAsync(UnknownTarget());
        foreach (var reason in new[] { failed.Reason, Reason(unknown) })
        {
            Assert.All(secrets, s => Assert.DoesNotContain(s, reason, StringComparison.Ordinal));
        }
        Assert.IsType<DeliveryResult.Permanent>(unknown);
    }

    [Fact]
    public async Task A_refused_connection_is_retryable_and_known_not_sent()
    {
        await Host.DisposeAsync();
        var result = Assert.IsType<DeliveryResult.Retryable>(await SendAsync());
        Assert.False(result.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task Cancellation_is_honoured_and_thrown()
    {
        Host.Faults.Script(new ScriptedResponse(200, "{\"ok\":true}", DelayMilliseconds: 10_000));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(cancellationToken: cancel.Token));
    }

    /// <summary>A secret the adapter holds besides the target's (the Slack token).</summary>
    protected virtual string EchoedSecret() => "";

    private static string Reason(DeliveryResult result) => result switch
    {
        DeliveryResult.Retryable r => r.Reason,
        DeliveryResult.Permanent p => p.Reason,
        _ => "",
    };
}
