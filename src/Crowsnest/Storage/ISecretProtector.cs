namespace Crowsnest.Storage;

/// <summary>Encrypts secrets before they are stored and decrypts them when read. Keys outlive restarts.</summary>
public interface ISecretProtector
{
    /// <summary>Encrypts.</summary>
    byte[] Protect(string plaintext);

    /// <summary>Decrypts.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key is gone or the data was altered.</exception>
    string Unprotect(byte[] ciphertext);
}
