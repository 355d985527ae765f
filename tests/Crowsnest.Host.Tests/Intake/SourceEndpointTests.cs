using System.Globalization;
using System.Net;
using System.Text;
using Crowsnest.Notifications;
using Crowsnest.Notifications.Ingest.Sources;
using Crowsnest.Storage;

namespace Crowsnest.Host.Tests.Intake;

public sealed class SourceEndpointTests : IAsyncLifetime
{
    private const string Event = "{\"version\":\"0\",\"id\":\"EVENT-ID\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\",\"account\":\"123456789012\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"severity\":8}}";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        await AddAsync(EventSourceDefinition.Kind, "eb-key", "{\"AuthorizationType\":\"API_KEY\",\"ApiKeyName\":\"x-api-key\"}", "{\"ApiKeyValue\":\"key-value-1\"}");
        await AddAsync(EventSourceDefinition.Kind, "eb-basic", "{\"AuthorizationType\":\"BASIC\",\"Username\":\"eventbridge\"}", "{\"Password\":\"pw-2\"}");
        await AddAsync(WebhookSourceDefinition.Kind, "hook-token", "{\"Authentication\":\"TOKEN\"}", "{\"Token\":\"tok-3\"}");
        await AddAsync(WebhookSourceDefinition.Kind, "hook-hmac", "{\"Authentication\":\"HMAC\"}", "{\"SigningSecret\":\"hmac-4\"}");
    }

    [Fact]
    public async Task Eventbridge_api_destinations_authenticate_with_an_api_key_or_basic_auth_and_are_idempotent_by_event_id()
    {
        var id = Guid.NewGuid().ToString();
        var body = Event.Replace("EVENT-ID", id, StringComparison.Ordinal);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("eventbridge:pw-2"));

        Assert.Equal((HttpStatusCode.OK, "ok\n"), await IntakeHttp.PostAsync(_host.Http, "/events", body, "application/json", ("x-api-key", "key-value-1")));
        Assert.Equal((HttpStatusCode.OK, "duplicate\n"), await IntakeHttp.PostAsync(_host.Http, "/events/eb-basic", body, "application/json", ("Authorization", basic)));
        var stored = await _host.Store.Inbox.GetAsync(id, CancellationToken.None);
        Assert.Equal(NotificationSource.EventBridge, stored!.Notification.Source);
        Assert.Equal("eb-key", stored.Notification.SourceKey);
        Assert.Equal(body, stored.Notification.Body);

        Assert.Equal(HttpStatusCode.Unauthorized, (await IntakeHttp.PostAsync(_host.Http, "/events", Event, "application/json", ("x-api-key", "wrong"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IntakeHttp.PostAsync(_host.Http, "/events", Event, "application/json")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IntakeHttp.PostAsync(_host.Http, "/events/eb-basic", Event, "application/json", ("x-api-key", "key-value-1"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await IntakeHttp.PostAsync(_host.Http, "/events", "{not json", "application/json", ("x-api-key", "key-value-1"))).Status);
    }

    [Fact]
    public async Task Webhooks_take_a_token_or_a_fresh_hmac_and_never_echo_secrets()
    {
        const string custom = "{\"version\":\"1.0\",\"source\":\"custom\",\"content\":{\"description\":\"deploy done\"}}";
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v1=" + SourceAuthenticator.Sign("hmac-4", ts, Encoding.UTF8.GetBytes(custom));

        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(_host.Http, "/webhooks/hook-token", custom, "application/json", ("X-Crowsnest-Token", "tok-3"), ("Idempotency-Key", "k1"))).Status);
        Assert.Equal((HttpStatusCode.OK, "duplicate\n"), await IntakeHttp.PostAsync(_host.Http, "/webhooks/hook-token", custom, "application/json", ("X-Crowsnest-Token", "tok-3"), ("Idempotency-Key", "k1")));
        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(_host.Http, "/webhooks/hook-hmac", custom, "application/json", ("X-Crowsnest-Timestamp", ts), ("X-Crowsnest-Signature", signature))).Status);
        Assert.NotNull(await _host.Store.Inbox.GetAsync("webhooks:hook-token:k1", CancellationToken.None));

        var wrongToken = await IntakeHttp.PostAsync(_host.Http, "/webhooks/hook-token", custom, "application/json", ("X-Crowsnest-Token", "tok-x"));
        var unknown = await IntakeHttp.PostAsync(_host.Http, "/webhooks/nope", custom, "application/json", ("X-Crowsnest-Token", "tok-3"));
        var tampered = await IntakeHttp.PostAsync(_host.Http, "/webhooks/hook-hmac", custom.Replace("done", "failed", StringComparison.Ordinal), "application/json", ("X-Crowsnest-Timestamp", ts), ("X-Crowsnest-Signature", signature));
        foreach (var (status, reason) in new[] { wrongToken, unknown, tampered })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.DoesNotContain("tok-3", reason, StringComparison.Ordinal);
            Assert.DoesNotContain("hmac-4", reason, StringComparison.Ordinal);
        }
    }

    private Task<ResourceWriteResult> AddAsync(string kind, string id, string document, string secrets) =>
        _host.Store.Resources.CreateAsync(new ResourceRecord(kind, id, id, document, secrets, 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow), CancellationToken.None);

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
