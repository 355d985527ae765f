using Crowsnest.Storage;

namespace Crowsnest.Host.Tests;

/// <summary>A secret protector for stores a test opens beside the host, which never reads or writes secrets.</summary>
internal sealed class NoSecrets : ISecretProtector
{
    public byte[] Protect(string plaintext) => throw new NotSupportedException();

    public string Unprotect(byte[] ciphertext) => throw new NotSupportedException();
}
