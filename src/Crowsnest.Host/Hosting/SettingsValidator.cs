using Crowsnest.Host.Secrets;
using Crowsnest.Storage;

namespace Crowsnest.Host.Hosting;

/// <summary>Checks every setting at start and lists every problem, each naming its setting.</summary>
internal static class SettingsValidator
{
    public static IReadOnlyList<string> Validate(CrowsnestSettings settings)
    {
        var errors = new List<string>();
        if (!StoreFactory.Kinds.Contains(settings.Store.Kind))
        {
            errors.Add($"Store:Kind: unknown store kind '{settings.Store.Kind}' (expected one of: {string.Join(", ", StoreFactory.Kinds)}).");
        }
        if (settings.Store.Kind == "postgres" && string.IsNullOrWhiteSpace(settings.Store.ConnectionString))
        {
            errors.Add("Store:ConnectionString: required when Store:Kind is postgres (or pass --connection-string).");
        }
        if (settings.Store.SqliteSyncMode is null)
        {
            errors.Add($"Store:SqliteSync: unknown mode '{settings.Store.SqliteSync}' (expected full or normal).");
        }
        foreach (var url in ListenUrls.Split(settings.Listen))
        {
            if (!ListenUrls.TryParse(url, out _, out var problem))
            {
                errors.Add($"Listen: '{url}' {problem}");
            }
        }
        if (ListenUrls.Split(settings.Listen).Count == 0)
        {
            errors.Add("Listen: at least one URL is required, e.g. http://127.0.0.1:8080.");
        }
        errors.AddRange(settings.Delivery.Validate());
        errors.AddRange(settings.Teams.Validate());
        errors.AddRange(settings.SocketMode.Validate());
        errors.AddRange(settings.Aws.Validate());
        if (settings.Log.Format is not ("plain" or "json"))
        {
            errors.Add($"Log:Format: '{settings.Log.Format}' is not plain or json.");
        }
        if (settings.Secrets.KeyStore is not ("directory" or "database"))
        {
            errors.Add($"Secrets:KeyStore: '{settings.Secrets.KeyStore}' is not directory or database.");
        }
        KeyRingCertificate.Validate(settings.Secrets, errors);
        if (settings.ShutdownTimeout <= TimeSpan.Zero || settings.ShutdownTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"ShutdownTimeout: {settings.ShutdownTimeout} must be between 0 and 10 minutes.");
        }
        ValidateTls(settings, errors);
        ValidateApi(settings.Api, errors);
        IntakeSettingsValidator.Validate(settings, errors);
        return errors;
    }

    private static void ValidateApi(ApiSettings api, List<string> errors)
    {
        if (api.AccountId.Length != 12 || !api.AccountId.All(char.IsAsciiDigit))
        {
            errors.Add($"Api:AccountId: '{api.AccountId}' is not a 12-digit account id.");
        }
        if (api.BootstrapToken is { Length: > 0 and < 20 })
        {
            errors.Add("Api:BootstrapToken: must have at least 20 characters.");
        }
        if (api.SnapshotPollInterval < TimeSpan.FromMilliseconds(100) || api.SnapshotPollInterval > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Api:SnapshotPollInterval: {api.SnapshotPollInterval} must be between 100 ms and 5 minutes.");
        }
    }

    private static void ValidateTls(CrowsnestSettings settings, List<string> errors)
    {
        var wantsHttps = ListenUrls.Split(settings.Listen).Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        var (cert, key) = (settings.Tls.CertificatePath, settings.Tls.KeyPath);
        if (wantsHttps && (string.IsNullOrWhiteSpace(cert) || string.IsNullOrWhiteSpace(key)))
        {
            errors.Add("Tls:CertificatePath and Tls:KeyPath: an https:// listen URL needs a PEM certificate and key.");
        }
        if (!string.IsNullOrWhiteSpace(cert) && !File.Exists(cert))
        {
            errors.Add($"Tls:CertificatePath: file '{cert}' does not exist.");
        }
        if (!string.IsNullOrWhiteSpace(key) && !File.Exists(key))
        {
            errors.Add($"Tls:KeyPath: file '{key}' does not exist.");
        }
    }
}
