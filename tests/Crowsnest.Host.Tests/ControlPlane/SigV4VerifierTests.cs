using System.Text;
using Crowsnest.Host.Api.Auth;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>The verifier against the published AWS SigV4 test suite vectors (get-vanilla, post-vanilla).</summary>
public sealed class SigV4VerifierTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void The_published_vanilla_vectors_verify(string method, string signature)
    {
        var (request, auth) = Vector(method, signature);

        Assert.Equal(SigV4Outcome.Valid, SigV4Verifier.Verify(request, auth, Secret, SignedAt, "service"));
    }

    [Fact]
    public void A_changed_secret_body_or_header_does_not_verify()
    {
        var (request, auth) = Vector("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        Assert.Equal(SigV4Outcome.SignatureMismatch, SigV4Verifier.Verify(request, auth, Secret + "x", SignedAt, "service"));
        Assert.Equal(SigV4Outcome.SignatureMismatch, SigV4Verifier.Verify(request with { Body = Encoding.UTF8.GetBytes("{}") }, auth, Secret, SignedAt, "service"));
        var moved = request with { Headers = new Dictionary<string, string[]>(request.Headers) { ["Host"] = ["other.amazonaws.com"] } };
        Assert.Equal(SigV4Outcome.SignatureMismatch, SigV4Verifier.Verify(moved, auth, Secret, SignedAt, "service"));
    }

    [Fact]
    public void More_than_five_minutes_of_clock_skew_either_way_is_refused()
    {
        var (request, auth) = Vector("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        Assert.Equal(SigV4Outcome.Valid, SigV4Verifier.Verify(request, auth, Secret, SignedAt.AddMinutes(4), "service"));
        Assert.Equal(SigV4Outcome.ClockSkew, SigV4Verifier.Verify(request, auth, Secret, SignedAt.AddMinutes(6), "service"));
        Assert.Equal(SigV4Outcome.ClockSkew, SigV4Verifier.Verify(request, auth, Secret, SignedAt.AddMinutes(-6), "service"));
    }

    [Fact]
    public void Another_service_scope_is_refused_by_the_chatbot_default()
    {
        var (request, auth) = Vector("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        Assert.Equal(SigV4Outcome.WrongService, SigV4Verifier.Verify(request, auth, Secret, SignedAt));
    }

    private static (SigV4Request Request, SigV4Authorization Auth) Vector(string method, string signature)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = ["example.amazonaws.com"],
            ["X-Amz-Date"] = ["20150830T123600Z"],
        };
        var auth = SigV4Authorization.TryParse(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}");
        Assert.NotNull(auth);
        return (new SigV4Request(method, "/", "", headers, ReadOnlyMemory<byte>.Empty), auth);
    }
}
