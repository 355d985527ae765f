using System.Text;
using Crowsnest.Notifications.Ingest.Sources;
using Crowsnest.Storage;

namespace Crowsnest.Tests.Notifications.Ingest;

public sealed class SourceAuthenticatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Api_key_sources_need_the_named_header_with_the_exact_value()
    {
        var source = SourceDefinitionReader.ReadEventSource(Record(EventSourceDefinition.Kind, "{\"AuthorizationType\":\"API_KEY\",\"ApiKeyName\":\"x-api-key\"}", "{\"ApiKeyValue\":\"s3cret\"}"))!;

        Assert.True(SourceAuthenticator.Check(source, Headers(("x-api-key", "s3cret"))));
        Assert.False(SourceAuthenticator.Check(source, Headers(("x-api-key", "s3cret "))));
        Assert.False(SourceAuthenticator.Check(source, Headers(("x-other", "s3cret"))));
        Assert.DoesNotContain("s3cret", source.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Basic_sources_need_the_user_and_password()
    {
        var source = SourceDefinitionReader.ReadEventSource(Record(EventSourceDefinition.Kind, "{\"AuthorizationType\":\"BASIC\",\"Username\":\"eb\"}", "{\"Password\":\"pw\"}"))!;

        Assert.True(SourceAuthenticator.Check(source, Headers(("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("eb:pw"))))));
        Assert.False(SourceAuthenticator.Check(source, Headers(("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("eb:px"))))));
        Assert.False(SourceAuthenticator.Check(source, Headers(("Authorization", "Bearer pw"))));
    }

    [Fact]
    public void Hmac_webhooks_need_a_fresh_signature_of_this_body()
    {
        var source = SourceDefinitionReader.ReadWebhook(Record(WebhookSourceDefinition.Kind, "{\"Authentication\":\"HMAC\"}", "{\"SigningSecret\":\"k\"}"))!;
        var body = "{\"a\":1}"u8.ToArray();
        var ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = "v1=" + SourceAuthenticator.Sign("k", ts, body);

        Assert.True(SourceAuthenticator.Check(source, Headers((WebhookSourceDefinition.TimestampHeader, ts), (WebhookSourceDefinition.SignatureHeader, signature)), body, Now));
        Assert.False(SourceAuthenticator.Check(source, Headers((WebhookSourceDefinition.TimestampHeader, ts), (WebhookSourceDefinition.SignatureHeader, signature)), "{\"a\":2}"u8, Now));
        Assert.False(SourceAuthenticator.Check(source, Headers((WebhookSourceDefinition.TimestampHeader, ts), (WebhookSourceDefinition.SignatureHeader, signature)), body, Now.AddMinutes(6)));
        Assert.False(SourceAuthenticator.Check(source, Headers((WebhookSourceDefinition.SignatureHeader, signature)), body, Now));
    }

    [Fact]
    public void Token_webhooks_default_to_the_crowsnest_header_and_incomplete_records_are_ignored()
    {
        var source = SourceDefinitionReader.ReadWebhook(Record(WebhookSourceDefinition.Kind, "{}", "{\"Token\":\"t\"}"))!;

        Assert.True(SourceAuthenticator.Check(source, Headers((WebhookSourceDefinition.DefaultTokenHeader, "t")), [], Now));
        Assert.False(SourceAuthenticator.Check(source, Headers((WebhookSourceDefinition.DefaultTokenHeader, "u")), [], Now));
        Assert.Null(SourceDefinitionReader.ReadWebhook(Record(WebhookSourceDefinition.Kind, "{}", null)));
        Assert.Null(SourceDefinitionReader.ReadEventSource(Record(EventSourceDefinition.Kind, "{\"AuthorizationType\":\"OAUTH_CLIENT_CREDENTIALS\"}", "{}")));
    }

    private static ResourceRecord Record(string kind, string document, string? secrets) =>
        new(kind, "src-1", "src-1", document, secrets, 1, Now, Now);

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
