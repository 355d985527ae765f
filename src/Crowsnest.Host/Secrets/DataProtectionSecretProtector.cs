using System.Security.Cryptography;
using System.Text;
using Crowsnest.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace Crowsnest.Host.Secrets;

/// <summary>
/// Encrypts stored secrets with ASP.NET Core Data Protection (AES-256-CBC + HMACSHA256, keys rotated and kept
/// in the key ring). The provider is resolved on first use because, with the key ring in the database, the store
/// exists before the provider does.
/// </summary>
internal sealed class DataProtectionSecretProtector : ISecretProtector
{
    private const string Purpose = "Crowsnest.StoredSecrets.v1";
    private readonly Lazy<IDataProtector> _protector;

    public DataProtectionSecretProtector(Func<IDataProtectionProvider> provider) =>
        _protector = new Lazy<IDataProtector>(() => provider().CreateProtector(Purpose));

    public byte[] Protect(string plaintext) => _protector.Value.Protect(Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(byte[] ciphertext)
    {
        try
        {
            return Encoding.UTF8.GetString(_protector.Value.Unprotect(ciphertext));
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException(
                "A stored secret cannot be decrypted with this instance's key ring. The ring that encrypted it was lost or replaced " +
                "(Secrets:KeyStore, Secrets:KeyDirectory), or its key is encrypted with a certificate this instance is not given " +
                $"(Secrets:KeyCertificatePath, or Secrets:PreviousKeyCertificates for one replaced), or the stored value was altered. {e.Message}", e);
        }
    }
}
