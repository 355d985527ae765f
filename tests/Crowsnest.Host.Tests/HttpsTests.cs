using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crowsnest.Testing;

namespace Crowsnest.Host.Tests;

public sealed class HttpsTests
{
    [Fact]
    public async Task Https_is_served_from_a_pem_certificate_and_key()
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(directory, "cert.pem");
        var keyPath = Path.Combine(directory, "key.pem");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());

        await using var host = await TestHost.StartAsync(
            new() { ["Listen"] = $"https://127.0.0.1:{FreePort.Next()}", ["Tls:CertificatePath"] = certPath, ["Tls:KeyPath"] = keyPath },
            directory);
        string? seenThumbprint = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                seenThumbprint = cert?.Thumbprint;
                return cert?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var https = new HttpClient(handler) { BaseAddress = new Uri(host.BaseUrl) };

        Assert.Equal("ok\n", await https.GetStringAsync("/healthz"));
        Assert.Equal(certificate.Thumbprint, seenThumbprint);
    }

    [Fact]
    public async Task An_https_url_without_a_certificate_is_refused_at_start()
    {
        var errors = await TestHost.StartupErrorsAsync(new() { ["Listen"] = "https://127.0.0.1:1" });

        Assert.Contains(errors, e => e.StartsWith("Tls:CertificatePath and Tls:KeyPath:", StringComparison.Ordinal));
    }
}
