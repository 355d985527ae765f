using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.Secrets;

/// <summary>
/// The optional certificate that encrypts the Data Protection key ring (<c>Secrets:KeyCertificatePath</c> and
/// <c>:KeyCertificateKeyPath</c>), and those it replaced, which still decrypt the keys they wrapped.
/// </summary>
internal static class KeyRingCertificate
{
    private readonly record struct Pem(string? Certificate, string? Key, string CertificateSetting, string KeySetting)
    {
        public bool IsSet => !string.IsNullOrWhiteSpace(Certificate) || !string.IsNullOrWhiteSpace(Key);
    }

    public static bool IsConfigured(SecretSettings secrets) => Current(secrets).IsSet;

    public static void Validate(SecretSettings secrets, List<string> errors)
    {
        var current = Current(secrets);
        if (current.IsSet)
        {
            Validate(current, errors);
        }
        foreach (var previous in Previous(secrets))
        {
            Validate(previous, errors);
        }
    }

    /// <summary>The certificate that encrypts new keys (call only when <see cref="IsConfigured"/>).</summary>
    public static X509Certificate2 Load(SecretSettings secrets) => Load(Current(secrets));

    /// <summary>The certificates that only decrypt.</summary>
    public static X509Certificate2[] LoadPrevious(SecretSettings secrets) => [.. Previous(secrets).Select(Load)];

    private static Pem Current(SecretSettings secrets) =>
        new(secrets.KeyCertificatePath, secrets.KeyCertificateKeyPath, "Secrets:KeyCertificatePath", "Secrets:KeyCertificateKeyPath");

    private static IEnumerable<Pem> Previous(SecretSettings secrets) => secrets.PreviousKeyCertificates.Select((p, i) =>
        new Pem(p.CertificatePath, p.KeyPath, $"Secrets:PreviousKeyCertificates:{i}:CertificatePath", $"Secrets:PreviousKeyCertificates:{i}:KeyPath"));

    private static void Validate(Pem pem, List<string> errors)
    {
        var settings = $"{pem.CertificateSetting} and {pem.KeySetting}";
        if (string.IsNullOrWhiteSpace(pem.Certificate) || string.IsNullOrWhiteSpace(pem.Key))
        {
            errors.Add($"{settings}: both are needed (a PEM certificate and its PEM private key).");
            return;
        }
        var missing = new[] { (pem.CertificateSetting, pem.Certificate), (pem.KeySetting, pem.Key) }.Where(f => !File.Exists(f.Item2)).ToList();
        errors.AddRange(missing.Select(f => $"{f.Item1}: file '{f.Item2}' does not exist."));
        if (missing.Count > 0)
        {
            return;
        }
        try
        {
            using var loaded = Load(pem);
        }
        catch (CryptographicException e)
        {
            errors.Add($"{settings}: cannot use them: {e.Message}");
        }
    }

    private static X509Certificate2 Load(Pem pem)
    {
        var certificate = X509Certificate2.CreateFromPemFile(pem.Certificate!, pem.Key);
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
