using System.Security.Cryptography;
using System.Text;

namespace Crowsnest.Storage.Tests;

/// <summary>
/// AES-GCM with random keys: real encryption, so tests can check that no plaintext reaches the database. Like a key
/// ring it can <see cref="Rotate"/> (new secrets use the new key, old ones still decrypt) and forget its old keys.
/// </summary>
public sealed class TestSecretProtector : ISecretProtector
{
    private const int Header = 1 + 12 + 16;
    private readonly List<byte[]?> _keys = [RandomNumberGenerator.GetBytes(32)];

    public void Rotate() => _keys.Add(RandomNumberGenerator.GetBytes(32));

    public void ForgetOldKeys()
    {
        for (var i = 0; i < _keys.Count - 1; i++)
        {
            _keys[i] = null;
        }
    }

    public byte[] Protect(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[Header + data.Length];
        output[0] = (byte)(_keys.Count - 1);
        RandomNumberGenerator.Fill(output.AsSpan(1, 12));
        using var aes = new AesGcm(_keys[^1]!, 16);
        aes.Encrypt(output.AsSpan(1, 12), data, output.AsSpan(Header), output.AsSpan(13, 16));
        return output;
    }

    public string Unprotect(byte[] ciphertext)
    {
        var key = ciphertext[0] < _keys.Count ? _keys[ciphertext[0]] : null;
        if (key is null)
        {
            throw new CryptographicException($"key {ciphertext[0]} is not in the ring");
        }
        var data = new byte[ciphertext.Length - Header];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(ciphertext.AsSpan(1, 12), ciphertext.AsSpan(Header), ciphertext.AsSpan(13, 16), data);
        return Encoding.UTF8.GetString(data);
    }
}
