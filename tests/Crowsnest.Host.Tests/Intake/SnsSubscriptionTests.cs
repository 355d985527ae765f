using System.Net;
using Crowsnest.Notifications.Ingest.Sns;
using Crowsnest.Storage;
using Crowsnest.Testing.Sns;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.Intake;

public sealed class SnsSubscriptionTests : IAsyncLifetime
{
    private const string Configured = "arn:aws:sns:us-east-1:123456789012:configured";
    private const string Unconfigured = "arn:aws:sns:us-east-1:123456789012:unconfigured";
    private LocalSnsServer _sns = null!;
    private SnsTestSigner _signer = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        var directory = TestHost.NewDataDirectory();
        _sns = await LocalSnsServer.StartAsync(Path.Combine(directory, "sns"));
        _signer = _sns.NewSigner();
        _host = await TestHost.StartAsync(new()
        {
            ["Sns:TrustedCertificateHosts:0"] = _sns.Authority,
            ["Sns:TrustedCertificateAuthority"] = _sns.CaPath,
        }, Path.Combine(directory, "crowsnest"));
        await IntakeHttp.AddConfigurationAsync(_host.Store, "cfg-1", Configured);
    }

    [Fact]
    public async Task A_configured_topic_is_confirmed_by_visiting_its_subscribe_url()
    {
        var body = _signer.Confirmation("SubscriptionConfirmation", Configured, _sns.SubscribeUrl(Configured, "tok-1"));

        var (status, _) = await IntakeHttp.PostAsync(_host.Http, "/sns", body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"?Action=ConfirmSubscription&TopicArn={Configured}&Token=tok-1", Assert.Single(_sns.Visits));
        var subscription = await _host.Store.Subscriptions.GetAsync(Configured, CancellationToken.None);
        Assert.Equal(SubscriptionState.Confirmed, subscription!.State);
        Assert.Equal($"{Configured}:sub-1", subscription.Note);

        // SNS retries the same confirmation: answered 200, not visited again.
        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(_host.Http, "/sns", body)).Status);
        Assert.Single(_sns.Visits);
    }

    [Fact]
    public async Task An_unconfigured_topic_waits_pending_until_an_admin_confirms_or_drops_it()
    {
        var body = _signer.Confirmation("SubscriptionConfirmation", Unconfigured, _sns.SubscribeUrl(Unconfigured, "tok-2"));

        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(_host.Http, "/sns", body)).Status);

        Assert.Empty(_sns.Visits);
        Assert.Equal(SubscriptionState.Pending, (await _host.Store.Subscriptions.GetAsync(Unconfigured, CancellationToken.None))!.State);
        var admin = _host.App.Services.GetRequiredService<PendingSubscriptions>();
        Assert.Contains(await admin.ListAsync(SubscriptionState.Pending, CancellationToken.None), s => s.TopicArn == Unconfigured);

        var confirmed = await admin.ConfirmAsync(Unconfigured, CancellationToken.None);

        Assert.Equal(SubscriptionDecisionOutcome.Done, confirmed.Outcome);
        Assert.Equal($"?Action=ConfirmSubscription&TopicArn={Unconfigured}&Token=tok-2", Assert.Single(_sns.Visits));
        Assert.Equal(SubscriptionState.Confirmed, (await _host.Store.Subscriptions.GetAsync(Unconfigured, CancellationToken.None))!.State);
        Assert.Equal(SubscriptionDecisionOutcome.NotPending, (await admin.DropAsync(Unconfigured, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_pending_subscription_can_be_dropped_and_an_unsubscribe_is_recorded()
    {
        const string topic = "arn:aws:sns:us-east-1:123456789012:dropme";
        await IntakeHttp.PostAsync(_host.Http, "/sns", _signer.Confirmation("SubscriptionConfirmation", topic, _sns.SubscribeUrl(topic, "t")));
        var admin = _host.App.Services.GetRequiredService<PendingSubscriptions>();

        Assert.Equal(SubscriptionDecisionOutcome.Done, (await admin.DropAsync(topic, CancellationToken.None)).Outcome);
        Assert.Equal(SubscriptionState.Dropped, (await _host.Store.Subscriptions.GetAsync(topic, CancellationToken.None))!.State);
        Assert.Equal(SubscriptionDecisionOutcome.NotFound, (await admin.ConfirmAsync("arn:aws:sns:us-east-1:123456789012:none", CancellationToken.None)).Outcome);

        var unsubscribe = _signer.Confirmation("UnsubscribeConfirmation", Configured, _sns.SubscribeUrl(Configured, "again"));
        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(_host.Http, "/sns", unsubscribe)).Status);
        Assert.Equal(SubscriptionState.Unsubscribed, (await _host.Store.Subscriptions.GetAsync(Configured, CancellationToken.None))!.State);
        Assert.Empty(_sns.Visits);
    }

    [Fact]
    public async Task A_subscribe_url_outside_the_trusted_hosts_is_never_visited()
    {
        var body = _signer.Confirmation("SubscriptionConfirmation", Configured, $"https://127.0.0.1:{_sns.Port}/?Action=ConfirmSubscription&Token=x");

        var (status, reason) = await IntakeHttp.PostAsync(_host.Http, "/sns", body);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("IP address", reason, StringComparison.Ordinal);
        Assert.Empty(_sns.Visits);
    }

    [Fact]
    public async Task Notifications_signed_with_a_certificate_served_by_the_trusted_host_verify()
    {
        var id = Guid.NewGuid().ToString();

        var (status, _) = await IntakeHttp.PostAsync(_host.Http, "/sns", _signer.Notification(Configured, "hello", messageId: id));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(await _host.Store.Inbox.GetAsync(id, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sns.DisposeAsync();
        _signer.Dispose();
    }
}
