using Crowsnest.Host.Endpoints;
using Crowsnest.Host.Secrets;
using Crowsnest.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration.Memory;
using Prometheus;

namespace Crowsnest.Host.Hosting;

/// <summary>Builds the <c>crowsnest serve</c> web application: settings, store, services, endpoints.</summary>
internal static class CrowsnestHost
{
    // Lowest precedence: appsettings.json, the environment and options override these.
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>
    /// Builds and prepares the application (settings validated, store opened and migrated). On a bad setting or an
    /// unusable store it returns the problems instead, each naming its setting. <paramref name="configureServices"/> runs
    /// after Crowsnest's own registrations (tests replace a service there).
    /// </summary>
    public static async Task<HostBuildResult> BuildAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.Configuration.AddEnvironmentVariables("CROWSNEST_");
        builder.Configuration.AddInMemoryCollection(overrides);
        var settings = builder.Configuration.Get<CrowsnestSettings>() ?? new CrowsnestSettings();
        var errors = SettingsValidator.Validate(settings);
        if (errors.Count > 0)
        {
            return HostBuildResult.Failed(errors);
        }

        ConfigureLogging(builder, settings);
        HttpsConfiguration.ConfigureKestrel(builder, settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
        builder.Services.AddSingleton(settings);

        IDataProtectionProvider? provider = null;
        var protector = new DataProtectionSecretProtector(() => provider ?? throw new InvalidOperationException("Data protection is not ready yet."));
        var store = OpenStore(settings, protector);
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            await store.DisposeAsync();
            var setting = settings.Store.Kind == "postgres" ? "Store:ConnectionString" : "Store:SqlitePath";
            return HostBuildResult.Failed([$"{setting}: cannot use the store: {e.Message}"]);
        }

        ConfigureDataProtection(builder, settings, store);
        builder.Services.AddSingleton(store);
        builder.Services.AddHostedService<StoreLifetime>();
        builder.Services.AddCrowsnestServices();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        provider = app.Services.GetRequiredService<IDataProtectionProvider>();
        app.UseHttpMetrics();
        EndpointMap.MapAll(app);
        return HostBuildResult.Built(app, settings, store);
    }

    private static IStore OpenStore(CrowsnestSettings settings, ISecretProtector protector) =>
        settings.Store.Kind == "postgres"
            ? StoreFactory.OpenPostgres(settings.Store.ConnectionString!, protector, TimeProvider.System)
            : StoreFactory.OpenSqlite(settings.SqlitePath, protector, TimeProvider.System, settings.Store.SqliteSyncMode ?? SqliteSync.Full);

    private static void ConfigureDataProtection(WebApplicationBuilder builder, CrowsnestSettings settings, IStore store)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("crowsnest");
        var encrypted = KeyRingCertificate.IsConfigured(settings.Secrets);
        if (encrypted)
        {
            dataProtection.ProtectKeysWithCertificate(KeyRingCertificate.Load(settings.Secrets));
        }
        if (settings.Secrets.PreviousKeyCertificates.Count > 0)
        {
            dataProtection.UnprotectKeysWithAnyCertificate(KeyRingCertificate.LoadPrevious(settings.Secrets));
        }
        if (settings.Secrets.KeyStore == "database")
        {
            var repository = new StoreXmlRepository(StoreFactory.KeyStoreOf(store));
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = repository);
            if (!encrypted)
            {
                builder.Services.AddHostedService<KeyRingWarning>();
            }
        }
        else
        {
            var directory = Directory.CreateDirectory(settings.KeyDirectory);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            dataProtection.PersistKeysToFileSystem(directory);
        }
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, CrowsnestSettings settings)
    {
        builder.Logging.ClearProviders();
        if (settings.Log.Format == "json")
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
            });
        }
    }
}

/// <summary>A built application, or the problems that stopped it.</summary>
internal sealed record HostBuildResult(WebApplication? App, CrowsnestSettings? Settings, IStore? Store, IReadOnlyList<string> Errors)
{
    public static HostBuildResult Built(WebApplication app, CrowsnestSettings settings, IStore store) => new(app, settings, store, []);

    public static HostBuildResult Failed(IReadOnlyList<string> errors) => new(null, null, null, errors);
}
