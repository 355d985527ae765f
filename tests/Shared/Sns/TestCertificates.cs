using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crowsnest.Testing.Sns;

/// <summary>Certificates made in the test: a CA, TLS server certificates for localhost, and signing certificates.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 CreateCa(string name = "Crowsnest Test CA")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(2));
    }

    /// <summary>A TLS server certificate for <paramref name="host"/> issued by <paramref name="ca"/>, with its key, usable by Kestrel.</summary>
    public static X509Certificate2 IssueServer(X509Certificate2 ca, string host = "localhost")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMonths(6), Serial());
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A signing certificate and its key: self-signed, or issued by <paramref name="ca"/>.</summary>
    public static (X509Certificate2 Certificate, RSA Key) CreateSigning(X509Certificate2? ca = null, string subject = "CN=sns.amazonaws.com")
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = ca is null
            ? request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1))
            : request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), Serial());
        return (certificate, key);
    }

    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);
}
