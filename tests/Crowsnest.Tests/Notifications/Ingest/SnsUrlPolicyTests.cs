using Crowsnest.Notifications.Ingest.Sns;

namespace Crowsnest.Tests.Notifications.Ingest;

public sealed class SnsUrlPolicyTests
{
    private static readonly SnsUrlPolicy Default = new(new SnsTrustOptions());

    [Theory]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem")]
    [InlineData("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.eu-central-2.amazonaws.com/a/b/c.pem")]
    public void Accepts_sns_certificate_urls(string url) => Assert.True(Default.CheckCertificateUrl(url).Accepted);

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("http://sns.us-east-1.amazonaws.com/x.pem", "https")]
    [InlineData("HTTPS://sns.us-east-1.amazonaws.com/x.pem", "https")]
    [InlineData("ftp://sns.us-east-1.amazonaws.com/x.pem", "https")]
    [InlineData("file:///etc/passwd.pem", "https")]
    [InlineData("https://sns.us-east-1.amazonaws.com.evil.com/x.pem", "not an SNS endpoint")]
    [InlineData("https://evil.com/sns.us-east-1.amazonaws.com/x.pem", "not an SNS endpoint")]
    [InlineData("https://sns.us-east-1.amazonaws.com.cn.evil.com/x.pem", "not an SNS endpoint")]
    [InlineData("https://snsXus-east-1.amazonaws.com/x.pem", "not an SNS endpoint")]
    [InlineData("https://sqs.us-east-1.amazonaws.com/x.pem", "not an SNS endpoint")]
    [InlineData("https://sns.amazonaws.com/x.pem", "not an SNS endpoint")]
    [InlineData("https://sns.us-east-1.amazonaws.com./x.pem", "not an SNS endpoint")]
    [InlineData("https://user@sns.us-east-1.amazonaws.com/x.pem", "user information")]
    [InlineData("https://sns.us-east-1.amazonaws.com@evil.com/x.pem", "user information")]
    [InlineData("https://user:pass@sns.us-east-1.amazonaws.com/x.pem", "user information")]
    [InlineData("https://sns.us-east-1.amazonaws.com:8443/x.pem", "port")]
    [InlineData("https://sns.us-east-1.amazonaws.com:443/x.pem", "port")]
    [InlineData("https://54.239.1.2/x.pem", "IP address")]
    [InlineData("https://[::1]/x.pem", "IP address")]
    [InlineData("https://127.0.0.1/x.pem", "IP address")]
    [InlineData("https://sns.us-east-1.amazonaws.com/x.txt", ".pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com/x.pem?a=b", ".pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com/x.pem#frag", ".pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com\\@evil.com/x.pem", "plain URL")]
    [InlineData("https://sns.us-east-1.amazonaws.com/x .pem", "plain URL")]
    [InlineData("https://localhost/x.pem", "not an SNS endpoint")]
    public void Refuses_other_certificate_urls(string? url, string reason)
    {
        var check = Default.CheckCertificateUrl(url);

        Assert.False(check.Accepted);
        Assert.Contains(reason, check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remembered_certificate_url_answers_the_same_and_a_look_alike_is_still_refused()
    {
        var policy = new SnsUrlPolicy(new SnsTrustOptions());
        const string Genuine = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem";
        var first = policy.CheckCertificateUrl(Genuine);
        var again = policy.CheckCertificateUrl(Genuine);
        Assert.True(first.Accepted);
        Assert.Equal(first, again);
        Assert.False(policy.CheckCertificateUrl(Genuine + "?x=1").Accepted);
        Assert.False(policy.CheckCertificateUrl(Genuine.Replace("amazonaws.com", "amazonaws.com.evil.example", StringComparison.Ordinal)).Accepted);
        Assert.False(policy.CheckSubscribeUrl("https://sns.eu-west-1.amazonaws.com:8443/?Action=ConfirmSubscription").Accepted);
    }

    [Fact]
    public void Subscribe_urls_follow_the_same_host_rules_without_the_pem_rule()
    {
        Assert.True(Default.CheckSubscribeUrl("https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=abc").Accepted);
        Assert.False(Default.CheckSubscribeUrl("https://169.254.169.254/latest/meta-data/").Accepted);
        Assert.False(Default.CheckSubscribeUrl("http://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription").Accepted);
        Assert.False(Default.CheckSubscribeUrl("https://internal.example.com/?Action=ConfirmSubscription").Accepted);
    }

    [Fact]
    public void An_extra_host_is_trusted_only_when_configured_and_only_on_its_port()
    {
        var policy = new SnsUrlPolicy(new SnsTrustOptions { ExtraTrustedHosts = ["localhost:8443"] });

        Assert.True(policy.CheckCertificateUrl("https://localhost:8443/cert.pem").Accepted);
        Assert.False(policy.CheckCertificateUrl("https://localhost:8444/cert.pem").Accepted);
        Assert.False(policy.CheckCertificateUrl("https://localhost/cert.pem").Accepted);
        Assert.False(policy.CheckCertificateUrl("http://localhost:8443/cert.pem").Accepted);
        Assert.False(policy.CheckCertificateUrl("https://user@localhost:8443/cert.pem").Accepted);
        Assert.False(Default.CheckCertificateUrl("https://localhost:8443/cert.pem").Accepted);
    }
}
