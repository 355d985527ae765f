using System.Security.Cryptography;
using System.Text;
using Crowsnest.Channels.Webhook;

namespace Crowsnest.Tests.Channels.Webhook;

public class WebhookSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"title\":\"CPU high\"}");

    [Fact]
    public void The_signature_is_hmac_sha256_of_timestamp_dot_body()
    {
        var (timestamp, signature) = WebhookSigner.Sign("s3cret", Body, Now);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes(timestamp + "." + Encoding.UTF8.GetString(Body)));
        Assert.Equal("v1=" + Convert.ToHexStringLower(expected), signature);
    }

    [Fact]
    public void A_signed_body_verifies()
    {
        var (timestamp, signature) = WebhookSigner.Sign("s3cret", Body, Now);
        Assert.Equal(WebhookSignatureCheck.Valid, WebhookSigner.Verify("s3cret", timestamp, signature, Body, Now.AddMinutes(4)));
    }

    [Fact]
    public void Any_of_several_signatures_may_match_during_rotation()
    {
        var (timestamp, signature) = WebhookSigner.Sign("new", Body, Now);
        var (_, old) = WebhookSigner.Sign("old", Body, Now);
        Assert.Equal(WebhookSignatureCheck.Valid, WebhookSigner.Verify("new", timestamp, $"{old}, {signature}", Body, Now));
    }

    [Fact]
    public void Tampering_the_wrong_secret_and_replays_are_refused()
    {
        var (timestamp, signature) = WebhookSigner.Sign("s3cret", Body, Now);
        var tampered = Encoding.UTF8.GetBytes("{\"title\":\"CPU low\"}");
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSigner.Verify("s3cret", timestamp, signature, tampered, Now));
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSigner.Verify("other", timestamp, signature, Body, Now));
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSigner.Verify("s3cret", (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body, Now));
        Assert.Equal(WebhookSignatureCheck.Expired, WebhookSigner.Verify("s3cret", timestamp, signature, Body, Now.AddMinutes(6)));
        Assert.Equal(WebhookSignatureCheck.Expired, WebhookSigner.Verify("s3cret", timestamp, signature, Body, Now.AddMinutes(-6)));
    }

    [Theory]
    [InlineData(null, "v1=00", "Missing")]
    [InlineData("123", null, "Missing")]
    [InlineData("12x", "v1=00", "Malformed")]
    [InlineData("NOW", "v0=abcd", "Malformed")]
    [InlineData("NOW", "v1=zz", "Mismatch")]
    [InlineData("NOW", "v1=abcd", "Mismatch")]
    public void Malformed_headers_are_refused(string? timestamp, string? signature, string expected)
    {
        var ts = timestamp == "NOW" ? Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : timestamp;
        Assert.Equal(Enum.Parse<WebhookSignatureCheck>(expected), WebhookSigner.Verify("s3cret", ts, signature, Body, Now));
    }
}
