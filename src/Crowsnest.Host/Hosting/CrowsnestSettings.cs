namespace Crowsnest.Host.Hosting;

/// <summary>
/// The service's settings. They come, lowest precedence first, from <c>appsettings.json</c>, environment variables
/// prefixed <c>CROWSNEST_</c> (<c>CROWSNEST_STORE__KIND=postgres</c>) and command-line options.
/// </summary>
internal sealed class CrowsnestSettings
{
    /// <summary>Where to listen; several URLs separated by ';'. Setting key <c>Listen</c>.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Folder for the SQLite file and the key ring. Setting key <c>DataDirectory</c>.</summary>
    public string DataDirectory { get; set; } = "./data";

    public StoreSettings Store { get; set; } = new();

    public LogSettings Log { get; set; } = new();

    public TlsSettings Tls { get; set; } = new();

    public SecretSettings Secrets { get; set; } = new();

    public DeliverySettings Delivery { get; set; } = new();

    /// <summary>How long a stop waits for in-flight work. Setting key <c>ShutdownTimeout</c>.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The SQLite file: <c>Store:SqlitePath</c>, or <c>crowsnest.db</c> in the data directory.</summary>
    public string SqlitePath => string.IsNullOrWhiteSpace(Store.SqlitePath) ? Path.Combine(DataDirectory, "crowsnest.db") : Store.SqlitePath;

    /// <summary>The key-ring folder: <c>Secrets:KeyDirectory</c>, or <c>keys</c> in the data directory.</summary>
    public string KeyDirectory => string.IsNullOrWhiteSpace(Secrets.KeyDirectory) ? Path.Combine(DataDirectory, "keys") : Secrets.KeyDirectory;
}

internal sealed class StoreSettings
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>. Setting key <c>Store:Kind</c>.</summary>
    public string Kind { get; set; } = "sqlite";

    /// <summary>PostgreSQL connection string. Setting key <c>Store:ConnectionString</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite file path. Setting key <c>Store:SqlitePath</c>.</summary>
    public string? SqlitePath { get; set; }
}

internal sealed class LogSettings
{
    /// <summary><c>plain</c> (default) or <c>json</c>. Setting key <c>Log:Format</c>.</summary>
    public string Format { get; set; } = "plain";
}

internal sealed class TlsSettings
{
    /// <summary>PEM certificate (chain) for HTTPS. Setting key <c>Tls:CertificatePath</c>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key. Setting key <c>Tls:KeyPath</c>.</summary>
    public string? KeyPath { get; set; }
}

internal sealed class SecretSettings
{
    /// <summary>
    /// Where the key ring that encrypts stored secrets lives: <c>directory</c> (default; keep it apart from database
    /// backups) or <c>database</c> (for several instances sharing one PostgreSQL). Setting key <c>Secrets:KeyStore</c>.
    /// </summary>
    public string KeyStore { get; set; } = "directory";

    /// <summary>Key-ring folder when <c>Secrets:KeyStore</c> is <c>directory</c>. Setting key <c>Secrets:KeyDirectory</c>.</summary>
    public string? KeyDirectory { get; set; }
}
