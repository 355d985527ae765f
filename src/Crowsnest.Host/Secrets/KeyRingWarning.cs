namespace Crowsnest.Host.Secrets;

/// <summary>Warns at start when the key ring lies unencrypted in the same database as the secrets it encrypts.</summary>
internal sealed partial class KeyRingWarning(ILogger<KeyRingWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Unencrypted(log);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secrets:KeyStore is database and the key ring is not encrypted: anyone with a copy of the database can decrypt the stored secrets. Set Secrets:KeyCertificatePath and Secrets:KeyCertificateKeyPath to encrypt it.")]
    private static partial void Unencrypted(ILogger logger);
}
