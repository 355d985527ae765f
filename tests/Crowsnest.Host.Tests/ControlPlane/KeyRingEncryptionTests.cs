using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>The Data Protection key ring encrypted with a certificate, so a copy of the database alone does not give away the secrets.</summary>
public sealed class KeyRingEncryptionTests
{
    private const string Team = "T0KEYRING";

    [Fact]
    public async Task With_a_certificate_the_key_ring_in_the_database_is_encrypted_and_another_instance_with_it_reads_the_secrets()
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var (certPath, keyPath) = await WriteCertificateAsync(directory, RSA.Create(2048));
        var settings = new Dictionary<string, string?>
        {
            ["Store:SqlitePath"] = Path.Combine(directory, "shared.db"),
            ["Secrets:KeyStore"] = "database",
            ["Secrets:KeyCertificatePath"] = certPath,
            ["Secrets:KeyCertificateKeyPath"] = keyPath,
        };
        const string token = "xoxb-keyring-test-token-0123456789";
        await using (var first = await ControlPlaneHost.StartAsync(overrides: settings))
        {
            await first.PostAsync("/crowsnest/register-slack-workspace", new JsonObject
            {
                ["SlackTeamId"] = Team,
                ["SlackTeamName"] = "Acme",
                ["BotToken"] = token,
                ["SigningSecret"] = "0123456789abcdef0123",
            });
            var keys = StoreFactory.KeyStoreOf(first.Host.Store).GetAll();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                // An unencrypted key carries its master key in a <value> element.
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }

        settings["DataDirectory"] = Path.Combine(directory, "second");
        await using var second = await ControlPlaneHost.StartAsync(overrides: settings);
        var source = second.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(token, source.Current.SlackWorkspace(Team)!.Secrets.BotToken);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_ring_kept_unencrypted_in_the_database_is_warned_about_at_start(bool withCertificate)
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?> { ["Secrets:KeyStore"] = "database" };
        if (withCertificate)
        {
            (settings["Secrets:KeyCertificatePath"], settings["Secrets:KeyCertificateKeyPath"]) = await WriteCertificateAsync(directory, RSA.Create(2048));
        }
        var log = new CapturedWarnings();
        await using (await TestHost.StartAsync(settings, directory, services => services.AddSingleton<ILoggerProvider>(log)))
        {
        }

        var warned = log.Messages.Any(m => m.StartsWith("Secrets:KeyStore is database and the key ring is not encrypted", StringComparison.Ordinal));
        Assert.Equal(!withCertificate, warned);
    }

    [Fact]
    public async Task A_certificate_that_cannot_encrypt_the_key_ring_is_refused_at_start_naming_the_setting()
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var (ecCert, ecKey) = await WriteCertificateAsync(directory, ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var (rsaCert, _) = await WriteCertificateAsync(Directory.CreateDirectory(Path.Combine(directory, "rsa")).FullName, RSA.Create(2048));
        var (_, otherKey) = await WriteCertificateAsync(Directory.CreateDirectory(Path.Combine(directory, "other")).FullName, RSA.Create(2048));

        var onlyOne = await TestHost.StartupErrorsAsync(new() { ["Secrets:KeyCertificatePath"] = rsaCert });
        var missing = await TestHost.StartupErrorsAsync(new() { ["Secrets:KeyCertificatePath"] = rsaCert, ["Secrets:KeyCertificateKeyPath"] = Path.Combine(directory, "none.pem") });
        var ecdsa = await TestHost.StartupErrorsAsync(new() { ["Secrets:KeyCertificatePath"] = ecCert, ["Secrets:KeyCertificateKeyPath"] = ecKey });
        var mismatched = await TestHost.StartupErrorsAsync(new() { ["Secrets:KeyCertificatePath"] = rsaCert, ["Secrets:KeyCertificateKeyPath"] = otherKey });

        Assert.Contains(onlyOne, e => e.StartsWith("Secrets:KeyCertificatePath and Secrets:KeyCertificateKeyPath: both are needed", StringComparison.Ordinal));
        Assert.Contains(missing, e => e.StartsWith("Secrets:KeyCertificateKeyPath: file ", StringComparison.Ordinal) && e.EndsWith("does not exist.", StringComparison.Ordinal));
        Assert.Contains(ecdsa, e => e.Contains("needs an RSA key", StringComparison.Ordinal));
        Assert.Contains(mismatched, e => e.StartsWith("Secrets:KeyCertificatePath and Secrets:KeyCertificateKeyPath: cannot use them:", StringComparison.Ordinal));
    }

    private sealed class CapturedWarnings : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _messages.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }

    private static async Task<(string Cert, string Key)> WriteCertificateAsync(string directory, AsymmetricAlgorithm key)
    {
        using (key)
        {
            var request = key switch
            {
                RSA rsa => new CertificateRequest("CN=crowsnest key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                ECDsa ec => new CertificateRequest("CN=crowsnest key ring", ec, HashAlgorithmName.SHA256),
                _ => throw new ArgumentException("RSA or ECDSA", nameof(key)),
            };
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
            var (certPath, keyPath) = (Path.Combine(directory, "keyring-cert.pem"), Path.Combine(directory, "keyring-key.pem"));
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
            return (certPath, keyPath);
        }
    }
}
