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

    public ApiSettings Api { get; set; } = new();

    public SnsSettings Sns { get; set; } = new();

    public SqsSettings Sqs { get; set; } = new();

    public DeliverySettings Delivery { get; set; } = new();

    /// <summary>Chat commands. Section <c>Commands</c>.</summary>
    public Chat.ChatSettings Commands { get; set; } = new();
    public TeamsBotSettings Teams { get; set; } = new();

    public SocketModeSettings SocketMode { get; set; } = new();
    public AwsSettings Aws { get; set; } = new();

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

    /// <summary>
    /// <c>full</c> (default: each inbox commit fsynced before the 200, durable against power loss) or <c>normal</c>
    /// (durable against a process crash, not a power loss). Setting key <c>Store:SqliteSync</c>.
    /// </summary>
    public string SqliteSync { get; set; } = "full";

    /// <summary><see cref="SqliteSync"/> parsed; null when it names no mode.</summary>
    public Crowsnest.Storage.SqliteSync? SqliteSyncMode => SqliteSync.ToUpperInvariant() switch
    {
        "FULL" => Crowsnest.Storage.SqliteSync.Full,
        "NORMAL" => Crowsnest.Storage.SqliteSync.Normal,
        _ => null,
    };
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

    /// <summary>
    /// PEM certificate with an RSA key that encrypts each key of the ring as it is written (wherever the ring lives).
    /// Setting key <c>Secrets:KeyCertificatePath</c>.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The certificate's PEM private key, which decrypts the ring. Setting key <c>Secrets:KeyCertificateKeyPath</c>.</summary>
    public string? KeyCertificateKeyPath { get; set; }

    /// <summary>
    /// Certificates the ring was encrypted with before (after a change of certificate): keys they wrap stay readable.
    /// Setting keys <c>Secrets:PreviousKeyCertificates:N:CertificatePath</c> and <c>:KeyPath</c>.
    /// </summary>
    public List<PemCertificateSettings> PreviousKeyCertificates { get; set; } = [];
}

internal sealed class ApiSettings
{
    /// <summary>The 12-digit account id in the ARNs Crowsnest issues. Setting key <c>Api:AccountId</c>.</summary>
    public string AccountId { get; set; } = "000000000000";

    /// <summary>
    /// A bearer token that is always accepted (for automated first setup); when unset and no credential exists,
    /// a one-time token is generated and printed to the log at start. Setting key <c>Api:BootstrapToken</c>.
    /// </summary>
    public string? BootstrapToken { get; set; }

    /// <summary>Whether <c>/metrics</c> needs a credential too. Setting key <c>Api:ProtectMetrics</c>.</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary>How often the configuration snapshot checks the store for changes. Setting key <c>Api:SnapshotPollInterval</c>.</summary>
    public TimeSpan SnapshotPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

internal sealed class SnsSettings
{
    /// <summary>
    /// Folder of pinned signing certificates, <c>&lt;dir&gt;/&lt;host&gt;/&lt;path&gt;</c>, used instead of fetching that URL.
    /// Setting key <c>Sns:PinnedCertificates</c> (option <c>--sns-pinned-certificates</c>).
    /// </summary>
    public string? PinnedCertificates { get; set; }

    /// <summary>
    /// Extra certificate hosts (<c>host</c> or <c>host:port</c>) trusted besides sns.&lt;region&gt;.amazonaws.com — never by
    /// default. Setting keys <c>Sns:TrustedCertificateHosts:0</c>, <c>:1</c>, ...
    /// </summary>
    public List<string> TrustedCertificateHosts { get; set; } = [];

    /// <summary>PEM CA certificate the trusted extra hosts' TLS may chain to. Setting key <c>Sns:TrustedCertificateAuthority</c>.</summary>
    public string? TrustedCertificateAuthority { get; set; }

    /// <summary>Oldest envelope Timestamp accepted on /sns (0 turns the replay window off). Setting key <c>Sns:MaxMessageAge</c>.</summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromHours(6);
}

internal sealed class SqsSettings
{
    /// <summary>Queues to poll, one worker each. Setting keys <c>Sqs:Queues:0:QueueUrl</c>, <c>:Region</c>, <c>:RoleArn</c>, ...</summary>
    public List<SqsQueueSettings> Queues { get; set; } = [];
}

internal sealed class SqsQueueSettings
{
    /// <summary>The queue URL.</summary>
    public string QueueUrl { get; set; } = "";

    /// <summary>The queue's region, e.g. us-east-1.</summary>
    public string Region { get; set; } = "";

    /// <summary>A role to assume for reading the queue; credentials otherwise come from the default chain.</summary>
    public string? RoleArn { get; set; }

    /// <summary>An SQS endpoint to use instead of the regional one (VPC endpoints, emulators).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>An STS endpoint to use instead of the regional one.</summary>
    public string? StsServiceUrl { get; set; }

    /// <summary>Long-poll wait, 0–20 seconds.</summary>
    public int WaitTimeSeconds { get; set; } = 20;

    /// <summary>Messages per receive, 1–10.</summary>
    public int MaxMessages { get; set; } = 10;
}

internal sealed class PemCertificateSettings
{
    /// <summary>PEM certificate.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Its PEM private key.</summary>
    public string? KeyPath { get; set; }
}
