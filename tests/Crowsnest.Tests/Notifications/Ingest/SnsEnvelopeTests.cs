using System.Text.Json;
using Crowsnest.Notifications.Ingest;

namespace Crowsnest.Tests.Notifications.Ingest;

public sealed class SnsEnvelopeTests
{
    [Fact]
    public void Every_field_keeps_its_exact_original_string()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusFiles.Root, "sns-envelope/http-subscription-confirmation-sigv1.json")));
        var raw = document.RootElement;

        var envelope = SnsEnvelope.TryRead(raw)!;

        Assert.Equal("SubscriptionConfirmation", envelope.Type);
        Assert.True(envelope.IsConfirmation);
        Assert.Equal(raw.GetProperty("Message").GetString(), envelope.Message);
        Assert.Equal(raw.GetProperty("Token").GetString(), envelope.Token);
        Assert.Equal(raw.GetProperty("SubscribeURL").GetString(), envelope.SubscribeUrl);
        Assert.Equal(raw.GetProperty("Timestamp").GetString(), envelope.Timestamp);
        Assert.Equal(raw.GetProperty("Signature").GetString(), envelope.Signature);
        Assert.Equal(raw.GetProperty("SigningCertURL").GetString(), envelope.SigningCertUrl);
        Assert.Equal("1", envelope.SignatureVersion);
    }

    [Fact]
    public void Lambda_style_key_casing_reads_the_same_fields()
    {
        using var http = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusFiles.Root, "sns-envelope/http-notification-sigv1-sha1-real-signature.json")));
        using var lambda = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusFiles.Root, "sns-envelope/lambda-style-keys-sigv1-real-signature.json")));

        var fromHttp = SnsEnvelope.TryRead(http.RootElement)!;
        var fromLambda = SnsEnvelope.TryRead(lambda.RootElement)!;

        Assert.Equal(fromHttp.SigningCertUrl, fromLambda.SigningCertUrl);
        Assert.Equal(fromHttp.UnsubscribeUrl, fromLambda.UnsubscribeUrl);
        Assert.Equal(fromHttp.Signature, fromLambda.Signature);
        Assert.StartsWith("https://sns.us-east-2.amazonaws.com/", fromLambda.SigningCertUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_without_type_and_message_is_not_an_envelope()
    {
        using var document = JsonDocument.Parse("""{"version":"0","detail-type":"x","source":"aws.ec2","Message":"m"}""");

        Assert.Null(SnsEnvelope.TryRead(document.RootElement));
    }
}
