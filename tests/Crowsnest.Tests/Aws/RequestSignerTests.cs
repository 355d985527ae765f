using System.Security.Cryptography;
using System.Text;
using Crowsnest.Aws;
using Crowsnest.Aws.Credentials;

namespace Crowsnest.Tests.Aws;

public class RequestSignerTests
{
    // The SDK signer always signs x-amz-content-sha256, so the suite's get-vanilla request is recomputed here with that
    // header, by the algorithm of the SigV4 documentation (canonical request, string to sign, HMAC key chain).
    [Fact]
    public async Task Signs_like_the_documented_algorithm()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        const string secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        var credentials = new AwsCredentials("AKIDEXAMPLE", secret);
        await RequestSigner.SignAsync(request, [], credentials, "us-east-1", "service", new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero), CancellationToken.None);

        const string emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        var canonical = $"GET\n/\n\nhost:example.amazonaws.com\nx-amz-content-sha256:{emptyHash}\nx-amz-date:20150830T123600Z\n\n"
            + $"host;x-amz-content-sha256;x-amz-date\n{emptyHash}";
        var toSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var part in new[] { "20150830", "us-east-1", "service", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={signature}",
            string.Join(",", request.Headers.GetValues("Authorization")));
        Assert.Equal("20150830T123600Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [Fact]
    public void Credentials_never_print_their_secret()
    {
        var text = new AwsCredentials("AKID", "very-secret", "token-value").ToString();
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value", text, StringComparison.Ordinal);
    }
}
