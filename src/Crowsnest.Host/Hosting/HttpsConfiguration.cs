using System.Security.Cryptography.X509Certificates;

namespace Crowsnest.Host.Hosting;

/// <summary>Binds Kestrel to the <c>Listen</c> URLs, with HTTPS from a PEM certificate and key where asked.</summary>
internal static class HttpsConfiguration
{
    public static void ConfigureKestrel(WebApplicationBuilder builder, CrowsnestSettings settings)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            X509Certificate2? certificate = null;
            foreach (var url in ListenUrls.Split(settings.Listen))
            {
                ListenUrls.TryParse(url, out var endpoint, out _);
                kestrel.Listen(endpoint.Address, endpoint.Port, listen =>
                {
                    if (endpoint.Https)
                    {
                        certificate ??= LoadCertificate(settings.Tls);
                        listen.UseHttps(certificate);
                    }
                });
            }
        });
    }

    private static X509Certificate2 LoadCertificate(TlsSettings tls)
    {
        using var pem = X509Certificate2.CreateFromPemFile(tls.CertificatePath!, tls.KeyPath);
        // Kestrel on Linux needs the key in an exportable, ephemeral-free form: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
