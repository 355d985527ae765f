using System.Text.Json;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Ingest.Sns;
using Crowsnest.Testing.Sns;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Notifications.Ingest;

public sealed class SnsSignatureVerifierTests : IDisposable
{
    private const string CorpusCertUrl = "https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem";
    private const string TestCertUrl = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem";
    private const string OtherCertUrl = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-other.pem";
    private readonly string _pinned = IngestTestData.NewDirectory();
    private readonly SnsTestSigner _signer = new(TestCertUrl);
    private readonly SnsTestSigner _other = new(OtherCertUrl);
    private readonly SnsSignatureVerifier _verifier;
    private readonly SnsHttpClient _http;

    public SnsSignatureVerifierTests()
    {
        // The corpus certificate, pinned where SNS served it; it has expired since, which must not matter.
        var corpusCert = Path.Combine(_pinned, "sns.us-east-2.amazonaws.com", "SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem");
        Directory.CreateDirectory(Path.GetDirectoryName(corpusCert)!);
        File.Copy(IngestTestData.CorpusFile("sns-envelope/signing-cert-sns-us-east-2-7ff5318490ec183fbaddaa2a969abfda.pem.txt"), corpusCert);
        _signer.PinInto(_pinned);
        _other.PinInto(_pinned);
        var options = new SnsTrustOptions { PinnedCertificateDirectory = _pinned };
        var policy = new SnsUrlPolicy(options);
        _http = new SnsHttpClient(options, policy);
        _verifier = new SnsSignatureVerifier(policy, new SnsCertificateStore(options, _http, policy, new FakeTimeProvider(DateTimeOffset.UtcNow)));
    }

    public static TheoryData<string> RealSignatures() => new()
    {
        "sns-envelope/http-notification-sigv1-sha1-real-signature.json",
        "sns-envelope/http-notification-sigv2-sha256-real-signature.json",
        "sns-envelope/lambda-style-keys-sigv1-real-signature.json",
    };

    [Theory]
    [MemberData(nameof(RealSignatures))]
    public async Task Envelopes_aws_really_signed_verify(string file)
    {
        var envelope = ReadCorpus(file);

        var verdict = await _verifier.VerifyAsync(envelope, CancellationToken.None);

        Assert.Equal(SignatureOutcome.Valid, verdict.Outcome);
        Assert.Equal(CorpusCertUrl, envelope.SigningCertUrl);
    }

    public static TheoryData<string, string> Tamperings()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "sns-envelope/http-notification-sigv1-sha1-real-signature.json", "sns-envelope/http-notification-sigv2-sha256-real-signature.json" })
        {
            foreach (var field in new[] { "Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL" })
            {
                data.Add(file, field);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Every_single_field_tampering_of_a_real_envelope_fails(string file, string field)
    {
        var envelope = Tamper(ReadCorpus(file), field);

        var verdict = await _verifier.VerifyAsync(envelope, CancellationToken.None);

        Assert.Equal(SignatureOutcome.Refused, verdict.Outcome);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Test_signed_notifications_verify_with_both_signature_versions(string version)
    {
        var valid = Read(_signer.Notification("arn:aws:sns:us-east-1:123456789012:t", "{\"a\":\"b\\n\"}", subject: "S", version: version));
        var noSubject = Read(_signer.Notification("arn:aws:sns:us-east-1:123456789012:t", "hello", version: version));

        Assert.Equal(SignatureOutcome.Valid, (await _verifier.VerifyAsync(valid, CancellationToken.None)).Outcome);
        Assert.Equal(SignatureOutcome.Valid, (await _verifier.VerifyAsync(noSubject, CancellationToken.None)).Outcome);
        Assert.Equal(SignatureOutcome.Refused, (await _verifier.VerifyAsync(valid with { SignatureVersion = version == "1" ? "2" : "1" }, CancellationToken.None)).Outcome);
    }

    [Theory]
    [InlineData("SubscriptionConfirmation", "SubscribeURL")]
    [InlineData("SubscriptionConfirmation", "Token")]
    [InlineData("UnsubscribeConfirmation", "Token")]
    [InlineData("UnsubscribeConfirmation", "Message")]
    public async Task Confirmations_verify_and_their_signed_fields_cannot_change(string type, string field)
    {
        var envelope = Read(_signer.Confirmation(type, "arn:aws:sns:us-east-1:123456789012:t", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=abc"));

        Assert.Equal(SignatureOutcome.Valid, (await _verifier.VerifyAsync(envelope, CancellationToken.None)).Outcome);
        Assert.Equal(SignatureOutcome.Refused, (await _verifier.VerifyAsync(Tamper(envelope, field), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Unsigned_or_unknown_versions_and_forged_urls_are_refused()
    {
        var envelope = Read(_signer.Notification("arn:aws:sns:us-east-1:123456789012:t", "hello"));

        Assert.Contains("missing", (await _verifier.VerifyAsync(envelope with { SignatureVersion = null }, CancellationToken.None)).Reason, StringComparison.Ordinal);
        Assert.Contains("1 or 2", (await _verifier.VerifyAsync(envelope with { SignatureVersion = "3" }, CancellationToken.None)).Reason, StringComparison.Ordinal);
        Assert.Contains("not base64", (await _verifier.VerifyAsync(envelope with { Signature = "***" }, CancellationToken.None)).Reason, StringComparison.Ordinal);
        var forged = await _verifier.VerifyAsync(envelope with { SigningCertUrl = "https://sns.us-east-1.amazonaws.com.evil.com/SimpleNotificationService-test.pem" }, CancellationToken.None);
        Assert.Equal(SignatureOutcome.Refused, forged.Outcome);
        Assert.Contains("not an SNS endpoint", forged.Reason, StringComparison.Ordinal);
    }

    private SnsEnvelope Tamper(SnsEnvelope envelope, string field) => field switch
    {
        "Type" => envelope with { Type = envelope.Type == "Notification" ? "SubscriptionConfirmation" : "Notification" },
        "MessageId" => envelope with { MessageId = envelope.MessageId + "0" },
        "TopicArn" => envelope with { TopicArn = envelope.TopicArn + "x" },
        "Subject" => envelope with { Subject = (envelope.Subject ?? "") + "x" },
        "Message" => envelope with { Message = envelope.Message + " " },
        "Timestamp" => envelope with { Timestamp = envelope.Timestamp!.Replace(".", ",", StringComparison.Ordinal) },
        "SignatureVersion" => envelope with { SignatureVersion = envelope.SignatureVersion == "1" ? "2" : "1" },
        "Signature" => envelope with { Signature = FlipFirstByte(envelope.Signature!) },
        "SigningCertURL" => envelope with { SigningCertUrl = OtherCertUrl },
        "SubscribeURL" => envelope with { SubscribeUrl = envelope.SubscribeUrl + "&x=1" },
        "Token" => envelope with { Token = envelope.Token + "0" },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string FlipFirstByte(string signature)
    {
        var bytes = Convert.FromBase64String(signature);
        bytes[0] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }

    private static SnsEnvelope ReadCorpus(string file) => Read(File.ReadAllText(IngestTestData.CorpusFile(file)));

    private static SnsEnvelope Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SnsEnvelope.TryRead(document.RootElement) ?? throw new InvalidOperationException("not an envelope");
    }

    public void Dispose()
    {
        _signer.Dispose();
        _other.Dispose();
        _http.Dispose();
        Directory.Delete(_pinned, recursive: true);
    }
}
