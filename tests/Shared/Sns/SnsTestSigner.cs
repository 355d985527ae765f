using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Ingest.Sns;

namespace Crowsnest.Testing.Sns;

/// <summary>Signs SNS envelopes as SNS does, with a test key whose certificate is served or pinned at <see cref="CertificateUrl"/>.</summary>
internal sealed class SnsTestSigner : IDisposable
{
    private readonly RSA _key;

    public SnsTestSigner(string certificateUrl, X509Certificate2? ca = null)
    {
        CertificateUrl = certificateUrl;
        (Certificate, _key) = TestCertificates.CreateSigning(ca);
    }

    public string CertificateUrl { get; }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => TestCertificates.Pem(Certificate);

    /// <summary>Writes the certificate to <c>&lt;dir&gt;/&lt;host&gt;/&lt;path&gt;</c>.</summary>
    public void PinInto(string directory)
    {
        var uri = new Uri(CertificateUrl);
        var path = Path.Combine(directory, uri.Host, uri.AbsolutePath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, CertificatePem);
    }

    public string Notification(string topicArn, string message, string? subject = null, string? messageId = null, DateTimeOffset? at = null, string version = "2") =>
        Write(new SnsEnvelope
        {
            Type = "Notification",
            MessageId = messageId ?? Guid.NewGuid().ToString(),
            TopicArn = topicArn,
            Subject = subject,
            Message = message,
            Timestamp = Timestamp(at),
            SignatureVersion = version,
            SigningCertUrl = CertificateUrl,
            UnsubscribeUrl = $"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={topicArn}:sub",
        });

    public string Confirmation(string type, string topicArn, string subscribeUrl, string token = "token-123", string? messageId = null, DateTimeOffset? at = null, string version = "1") =>
        Write(new SnsEnvelope
        {
            Type = type,
            MessageId = messageId ?? Guid.NewGuid().ToString(),
            TopicArn = topicArn,
            Message = $"You have chosen to subscribe to the topic {topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
            Timestamp = Timestamp(at),
            SignatureVersion = version,
            SigningCertUrl = CertificateUrl,
            SubscribeUrl = subscribeUrl,
            Token = token,
        });

    /// <summary>Signs an envelope's string to sign with the test key.</summary>
    public string Sign(SnsEnvelope envelope)
    {
        var text = SnsStringToSign.Build(envelope).Text ?? throw new InvalidOperationException("envelope lacks a signed field");
        var algorithm = envelope.SignatureVersion == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        return Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), algorithm, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The envelope as SNS writes it, signed.</summary>
    public string Write(SnsEnvelope envelope) => ToJson(envelope with { Signature = Sign(envelope) });

    public static string ToJson(SnsEnvelope envelope)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("Type", envelope.Type);
            Optional(json, "MessageId", envelope.MessageId);
            Optional(json, "Token", envelope.Token);
            Optional(json, "TopicArn", envelope.TopicArn);
            Optional(json, "Subject", envelope.Subject);
            json.WriteString("Message", envelope.Message);
            Optional(json, "SubscribeURL", envelope.SubscribeUrl);
            Optional(json, "Timestamp", envelope.Timestamp);
            Optional(json, "SignatureVersion", envelope.SignatureVersion);
            Optional(json, "Signature", envelope.Signature);
            Optional(json, "SigningCertURL", envelope.SigningCertUrl);
            Optional(json, "UnsubscribeURL", envelope.UnsubscribeUrl);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Timestamp(DateTimeOffset? at) =>
        (at ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }
}
