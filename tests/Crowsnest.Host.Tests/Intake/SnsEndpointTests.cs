using System.Net;
using System.Text.Json;
using Crowsnest.Storage;
using Crowsnest.Testing.Sns;

namespace Crowsnest.Host.Tests.Intake;

public sealed class SnsEndpointTests : IAsyncLifetime
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:alarms";
    private const string CertUrl = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-pinned.pem";
    private readonly string _pinned = TestHost.NewDataDirectory();
    private readonly SnsTestSigner _signer = new(CertUrl);
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _signer.PinInto(_pinned);
        _host = await TestHost.StartAsync(new() { ["Sns:PinnedCertificates"] = _pinned });
        await IntakeHttp.AddConfigurationAsync(_host.Store, "cfg-1", Topic);
    }

    [Theory]
    [InlineData("text/plain; charset=UTF-8")]
    [InlineData("application/json")]
    [InlineData("application/xml")]
    public async Task A_signed_notification_is_stored_before_the_200_whatever_the_content_type(string contentType)
    {
        var id = Guid.NewGuid().ToString();
        var body = _signer.Notification(Topic, "{\"AlarmName\":\"cpu\"}", subject: "ALARM: cpu", messageId: id);

        var (status, _) = await IntakeHttp.PostAsync(_host.Http, "/sns", body, contentType, ("x-amz-sns-message-type", "Notification"));

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = await _host.Store.Inbox.GetAsync(id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Topic, stored.Notification.TopicArn);
        Assert.Equal("ALARM: cpu", stored.Notification.Subject);
        Assert.Equal("{\"AlarmName\":\"cpu\"}", stored.Notification.Body);
    }

    [Fact]
    public async Task A_redelivered_message_id_answers_200_and_creates_nothing()
    {
        var id = Guid.NewGuid().ToString();
        var first = _signer.Notification(Topic, "first", messageId: id);
        var again = _signer.Notification(Topic, "second body, same id", messageId: id);

        var one = await IntakeHttp.PostAsync(_host.Http, "/sns", first);
        var two = await IntakeHttp.PostAsync(_host.Http, "/sns", first);
        var three = await IntakeHttp.PostAsync(_host.Http, "/sns", again);

        Assert.Equal((HttpStatusCode.OK, "ok\n"), one);
        Assert.Equal((HttpStatusCode.OK, "duplicate\n"), two);
        Assert.Equal((HttpStatusCode.OK, "duplicate\n"), three);
        Assert.Equal("first", (await _host.Store.Inbox.GetAsync(id, CancellationToken.None))!.Notification.Body);
        Assert.Single(await _host.Store.Inbox.ListAsync(new NotificationQuery(TopicArn: Topic, Limit: 1000), CancellationToken.None), n => n.Notification.MessageId == id);
    }

    [Fact]
    public async Task An_unrouted_topic_is_still_verified_stored_and_counted()
    {
        var id = Guid.NewGuid().ToString();
        var body = _signer.Notification("arn:aws:sns:us-east-1:123456789012:nobody-configures-this", "x", messageId: id);

        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(_host.Http, "/sns", body)).Status);
        Assert.NotNull(await _host.Store.Inbox.GetAsync(id, CancellationToken.None));
        var metrics = await _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("crowsnest_intake_unrouted", metrics, StringComparison.Ordinal);
        Assert.Contains("nobody-configures-this", metrics, StringComparison.Ordinal);
        Assert.Contains("crowsnest_eventsprocessed{source=\"sns\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampered_forged_and_unsigned_envelopes_are_refused_with_403_and_nothing_is_stored()
    {
        var id = Guid.NewGuid().ToString();
        var body = _signer.Notification(Topic, "original", messageId: id);
        var tampered = body.Replace("original", "0riginal", StringComparison.Ordinal);
        var forgedUrl = body.Replace("sns.us-east-1.amazonaws.com/SimpleNotificationService-pinned.pem", "sns.us-east-1.amazonaws.com.evil.com/SimpleNotificationService-pinned.pem", StringComparison.Ordinal);
        var httpUrl = body.Replace("https://sns.us-east-1", "http://sns.us-east-1", StringComparison.Ordinal);

        foreach (var refused in new[] { tampered, forgedUrl, httpUrl })
        {
            var (status, reason) = await IntakeHttp.PostAsync(_host.Http, "/sns", refused);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
        Assert.Null(await _host.Store.Inbox.GetAsync(id, CancellationToken.None));
        Assert.Contains("signature does not match", (await IntakeHttp.PostAsync(_host.Http, "/sns", tampered)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_delivery_is_refused_with_a_hint_to_turn_it_off()
    {
        var plain = await IntakeHttp.PostAsync(_host.Http, "/sns", "Hello world");
        var json = await IntakeHttp.PostAsync(_host.Http, "/sns", "{\"AlarmName\":\"cpu\",\"NewStateValue\":\"ALARM\"}", "application/json");
        var header = await IntakeHttp.PostAsync(_host.Http, "/sns", _signer.Notification(Topic, "x"), "text/plain", ("x-amz-sns-rawdelivery", "true"));

        foreach (var (status, reason) in new[] { plain, json, header })
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("raw message delivery off", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Malformed_incomplete_unknown_and_stale_envelopes_are_refused_with_400_and_a_reason()
    {
        var good = _signer.Notification(Topic, "x");
        var withoutTopic = RemoveField(good, "TopicArn");
        var unknownType = good.Replace("\"Type\": \"Notification\"", "\"Type\": \"Advertisement\"", StringComparison.Ordinal);
        var stale = _signer.Notification(Topic, "old", at: DateTimeOffset.UtcNow.AddDays(-2));

        Assert.Equal((HttpStatusCode.BadRequest, "malformed JSON\n"), await IntakeHttp.PostAsync(_host.Http, "/sns", "{\"Type\": \"Notification\", "));
        Assert.Equal((HttpStatusCode.BadRequest, "TopicArn is missing\n"), await IntakeHttp.PostAsync(_host.Http, "/sns", withoutTopic));
        var unknown = await IntakeHttp.PostAsync(_host.Http, "/sns", unknownType);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("unknown Type", unknown.Body, StringComparison.Ordinal);
        var replay = await IntakeHttp.PostAsync(_host.Http, "/sns", stale);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Contains("replay", replay.Body, StringComparison.Ordinal);
        var metrics = await _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("crowsnest_intake_refused", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_over_the_sns_maximum_are_refused_with_413()
    {
        var bigMessage = _signer.Notification(Topic, new string('a', SnsMaximum + 1));
        var hugeBody = "{\"Type\":\"Notification\",\"Message\":\"" + new string('b', 1024 * 1024 + 10) + "\"}";
        var atTheLimit = _signer.Notification(Topic, new string('c', SnsMaximum));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await IntakeHttp.PostAsync(_host.Http, "/sns", bigMessage)).Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await IntakeHttp.PostAsync(_host.Http, "/sns", hugeBody, "text/plain", expectContinue: true)).Status);
        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(_host.Http, "/sns", atTheLimit)).Status);
    }

    private const int SnsMaximum = 262_144;

    private static string RemoveField(string json, string field)
    {
        using var document = JsonDocument.Parse(json);
        var fields = document.RootElement.EnumerateObject().Where(p => p.Name != field).ToDictionary(p => p.Name, p => p.Value.GetString());
        return JsonSerializer.Serialize(fields);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _signer.Dispose();
    }
}

public sealed class IntakeSettingsTests
{
    [Fact]
    public async Task Bad_intake_settings_stop_the_start_and_each_names_its_setting()
    {
        var errors = await TestHost.StartupErrorsAsync(new()
        {
            ["Sns:PinnedCertificates"] = "/nonexistent/pinned",
            ["Sns:TrustedCertificateHosts:0"] = "10.0.0.1",
            ["Sns:TrustedCertificateAuthority"] = "/nonexistent/ca.pem",
            ["Sqs:Queues:0:QueueUrl"] = "not a url",
            ["Sqs:Queues:0:WaitTimeSeconds"] = "30",
        });

        foreach (var key in new[] { "Sns:PinnedCertificates:", "Sns:TrustedCertificateHosts:0:", "Sns:TrustedCertificateAuthority:", "Sqs:Queues:0:QueueUrl:", "Sqs:Queues:0:Region:", "Sqs:Queues:0:WaitTimeSeconds:" })
        {
            Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
        }
    }
}
