using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.Secrets;

/// <summary>The optional certificate that encrypts the Data Protection key ring (<c>Secrets:KeyCertificatePath</c> and <c>:KeyCertificateKeyPath</c>).</summary>
internal static class KeyRingCertificate
{
    private const string Settings = "Secrets:KeyCertificatePath and Secrets:KeyCertificateKeyPath";

    public static bool IsConfigured(SecretSettings secrets) =>
        !string.IsNullOrWhiteSpace(secrets.KeyCertificatePath) || !string.IsNullOrWhiteSpace(secrets.KeyCertificateKeyPath);

    public static void Validate(SecretSettings secrets, List<string> errors)
    {
        if (!IsConfigured(secrets))
        {
            return;
        }
        var (cert, key) = (secrets.KeyCertificatePath, secrets.KeyCertificateKeyPath);
        if (string.IsNullOrWhiteSpace(cert) || string.IsNullOrWhiteSpace(key))
        {
            errors.Add($"{Settings}: both are needed to encrypt the key ring (a PEM certificate and its PEM private key).");
            return;
        }
        var missing = new[] { ("Secrets:KeyCertificatePath", cert), ("Secrets:KeyCertificateKeyPath", key) }.Where(f => !File.Exists(f.Item2)).ToList();
        errors.AddRange(missing.Select(f => $"{f.Item1}: file '{f.Item2}' does not exist."));
        if (missing.Count > 0)
        {
            return;
        }
        try
        {
            using var loaded = Load(secrets);
        }
        catch (CryptographicException e)
        {
            errors.Add($"{Settings}: cannot use them: {e.Message}");
        }
    }

    /// <summary>Loads the certificate with its private key; throws <see cref="CryptographicException"/> when it cannot encrypt the ring.</summary>
    public static X509Certificate2 Load(SecretSettings secrets)
    {
        var certificate = X509Certificate2.CreateFromPemFile(secrets.KeyCertificatePath!, secrets.KeyCertificateKeyPath);
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            // Data Protection encrypts keys with XML encryption, which wraps them with RSA only.
            throw new CryptographicException("the key ring is encrypted with RSA, so the certificate needs an RSA key.");
        }
        return certificate;
    }
}
