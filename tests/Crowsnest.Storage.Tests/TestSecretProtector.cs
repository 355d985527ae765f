using System.Security.Cryptography;
using System.Text;

namespace Crowsnest.Storage.Tests;

/// <summary>AES-GCM with a random key: real encryption, so tests can check that no plaintext reaches the database.</summary>
public sealed class TestSecretProtector : ISecretProtector
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public byte[] Protect(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + 16 + data.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(output.AsSpan(0, 12), data, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    public string Unprotect(byte[] ciphertext)
    {
        var data = new byte[ciphertext.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(ciphertext.AsSpan(0, 12), ciphertext.AsSpan(28), ciphertext.AsSpan(12, 16), data);
        return Encoding.UTF8.GetString(data);
    }
}
