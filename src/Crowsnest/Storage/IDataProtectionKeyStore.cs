namespace Crowsnest.Storage;

/// <summary>
/// Where the secret-encryption key ring lives when it is kept in the database (several instances sharing one
/// PostgreSQL). Synchronous because the key-ring API that reads it is.
/// </summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Every stored key element, as XML.</summary>
    IReadOnlyList<string> GetAll();

    /// <summary>Stores a key element.</summary>
    void Store(string name, string xml);
}
