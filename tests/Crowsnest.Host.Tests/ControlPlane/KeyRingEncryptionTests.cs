using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Hosting;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Storage;
using Crowsnest.Testing;
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
        var (cert, key) = await WriteCertificateAsync(directory, RSA.Create(2048));
        var database = Path.Combine(directory, "shared.db");
        await RegisterWorkspaceAsync(database, cert, key, "xoxb-keyring-test-token-0123456789");

        await using var second = await ControlPlaneHost.StartAsync(overrides: DatabaseKeyRing(database, cert, key));
        var keys = StoreFactory.KeyStoreOf(second.Host.Store).GetAll();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            // An unencrypted key carries its master key in a <value> element.
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        var source = second.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal("xoxb-keyring-test-token-0123456789", source.Current.SlackWorkspace(Team)!.Secrets.BotToken);
    }

    [Fact]
    public async Task After_a_change_of_certificate_the_keys_the_previous_one_encrypted_stay_readable_when_it_is_listed()
    {
        var (database, (oldCert, oldKey), (newCert, newKey)) = await TwoCertificatesAsync();
        await RegisterWorkspaceAsync(database, oldCert, oldKey, "xoxb-keyring-rotation-0123456789");

        await using var second = await ControlPlaneHost.StartAsync(overrides: new(DatabaseKeyRing(database, newCert, newKey))
        {
            ["Secrets:PreviousKeyCertificates:0:CertificatePath"] = oldCert,
            ["Secrets:PreviousKeyCertificates:0:KeyPath"] = oldKey,
        });
        var source = second.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal("xoxb-keyring-rotation-0123456789", source.Current.SlackWorkspace(Team)!.Secrets.BotToken);
    }

    [Fact]
    public async Task Rotating_the_secrets_key_from_the_cli_lets_the_replaced_certificate_go()
    {
        var (database, (oldCert, oldKey), (newCert, newKey)) = await TwoCertificatesAsync();
        await RegisterWorkspaceAsync(database, oldCert, oldKey, "xoxb-keyring-retired-0123456789");
        var withNew = DatabaseKeyRing(database, newCert, newKey);
        string accessKeyId;
        await using (var rotating = await ControlPlaneHost.StartAsync(overrides: new(withNew)
        {
            ["Secrets:PreviousKeyCertificates:0:CertificatePath"] = oldCert,
            ["Secrets:PreviousKeyCertificates:0:KeyPath"] = oldKey,
        }))
        {
            accessKeyId = rotating.AccessKeyId;
            var cli = await ExternalTool.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Crowsnest.Host.dll"), "secrets", "rotate-key", "-o", "json"],
                new Dictionary<string, string> { ["CROWSNEST_ENDPOINT"] = rotating.Host.BaseUrl, ["CROWSNEST_TOKEN"] = ControlPlaneHost.BootstrapToken });
            Assert.True(cli.ExitCode == 0, cli.Stderr);
            var rotated = JsonNode.Parse(cli.Stdout)!;
            Assert.Equal(1, rotated["Resources"]!.GetValue<int>());
            // The access keys the two test hosts created.
            Assert.Equal(2, rotated["Credentials"]!.GetValue<int>());
            var audit = await rotating.PostAsync("/crowsnest/query-audit-log", new JsonObject { ["Kind"] = "secrets.rotate-key" });
            Assert.Single(audit["Entries"]!.AsArray());
        }

        await using var retired = await ControlPlaneHost.StartAsync(overrides: withNew);
        var source = retired.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal("xoxb-keyring-retired-0123456789", source.Current.SlackWorkspace(Team)!.Secrets.BotToken);
        Assert.NotNull((await retired.Host.Store.Credentials.GetAsync(accessKeyId, CancellationToken.None))!.Secret);
    }

    [Fact]
    public async Task An_instance_not_given_the_certificate_of_its_keys_stops_and_says_which_settings_to_check()
    {
        var (database, (oldCert, oldKey), (newCert, newKey)) = await TwoCertificatesAsync();
        await RegisterWorkspaceAsync(database, oldCert, oldKey, "xoxb-keyring-lost-0123456789");

        var log = new CapturedWarnings();
        var built = await CrowsnestHost.BuildAsync(new Dictionary<string, string?>(DatabaseKeyRing(database, newCert, newKey))
        {
            ["Listen"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["DataDirectory"] = TestHost.NewDataDirectory(),
        }, CancellationToken.None, services => services.AddSingleton<ILoggerProvider>(log));
        await using var app = built.App!;
        try
        {
            await app.StartAsync();
        }
        catch (OperationCanceledException)
        {
            // The snapshot worker may fail before the other services have started: the start is then called off.
        }

        // The snapshot worker cannot read the configuration: the service stops rather than run with none.
        await Eventually.WaitAsync(() => Task.FromResult(app.Lifetime.ApplicationStopping.IsCancellationRequested), stopping => stopping,
            TimeSpan.FromSeconds(20), "the service to stop");
        var source = app.Services.GetRequiredService<ConfigSnapshotSource>();
        var refused = await Assert.ThrowsAsync<CryptographicException>(() => source.RefreshAsync(CancellationToken.None));
        Assert.Contains("Secrets:PreviousKeyCertificates", refused.Message, StringComparison.Ordinal);
        Assert.Contains(log.Messages, m => m.Contains("A stored secret cannot be decrypted", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Messages, m => m.Contains("xoxb-keyring-lost", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> DatabaseKeyRing(string database, string cert, string key) => new()
    {
        ["Store:SqlitePath"] = database,
        ["Secrets:KeyStore"] = "database",
        ["Secrets:KeyCertificatePath"] = cert,
        ["Secrets:KeyCertificateKeyPath"] = key,
    };

    private static async Task<(string Database, (string, string) Old, (string, string) New)> TwoCertificatesAsync()
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var old = await WriteCertificateAsync(Directory.CreateDirectory(Path.Combine(directory, "old")).FullName, RSA.Create(2048));
        var replacement = await WriteCertificateAsync(Directory.CreateDirectory(Path.Combine(directory, "new")).FullName, RSA.Create(2048));
        return (Path.Combine(directory, "shared.db"), old, replacement);
    }

    private static async Task RegisterWorkspaceAsync(string database, string cert, string key, string token)
    {
        await using var host = await ControlPlaneHost.StartAsync(overrides: DatabaseKeyRing(database, cert, key));
        await host.PostAsync("/crowsnest/register-slack-workspace", new JsonObject
        {
            ["SlackTeamId"] = Team,
            ["SlackTeamName"] = "Acme",
            ["BotToken"] = token,
            ["SigningSecret"] = "0123456789abcdef0123",
        });
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
        var previous = await TestHost.StartupErrorsAsync(new() { ["Secrets:PreviousKeyCertificates:0:CertificatePath"] = rsaCert });

        Assert.Contains(onlyOne, e => e.StartsWith("Secrets:KeyCertificatePath and Secrets:KeyCertificateKeyPath: both are needed", StringComparison.Ordinal));
        Assert.Contains(missing, e => e.StartsWith("Secrets:KeyCertificateKeyPath: file ", StringComparison.Ordinal) && e.EndsWith("does not exist.", StringComparison.Ordinal));
        Assert.Contains(ecdsa, e => e.Contains("needs an RSA key", StringComparison.Ordinal));
        Assert.Contains(mismatched, e => e.StartsWith("Secrets:KeyCertificatePath and Secrets:KeyCertificateKeyPath: cannot use them:", StringComparison.Ordinal));
        Assert.Contains(previous, e => e.StartsWith("Secrets:PreviousKeyCertificates:0:CertificatePath and Secrets:PreviousKeyCertificates:0:KeyPath: both are needed", StringComparison.Ordinal));
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
                _messages.Enqueue(exception is null ? formatter(state, exception) : $"{formatter(state, exception)} {exception.Message}");
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
