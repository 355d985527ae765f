using System.CommandLine;
using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.Cli;

/// <summary><c>crowsnest serve</c>: runs the service until stopped.</summary>
internal static class ServeCommand
{
    private static readonly (Option<string> Option, string Key)[] SettingOptions =
    [
        (new Option<string>("--listen") { Description = "URLs to listen on, ';'-separated (default http://127.0.0.1:8080)." }, "Listen"),
        (new Option<string>("--store") { Description = "sqlite (default) or postgres." }, "Store:Kind"),
        (new Option<string>("--connection-string") { Description = "PostgreSQL connection string (with --store postgres)." }, "Store:ConnectionString"),
        (new Option<string>("--sqlite-path") { Description = "SQLite file (default <data-dir>/crowsnest.db)." }, "Store:SqlitePath"),
        (new Option<string>("--sqlite-sync") { Description = "full (default: inbox commits fsynced, survive power loss) or normal (survive a process crash only)." }, "Store:SqliteSync"),
        (new Option<string>("--data-dir") { Description = "Folder for the SQLite file and the key ring (default ./data)." }, "DataDirectory"),
        (new Option<string>("--log-format") { Description = "plain (default) or json." }, "Log:Format"),
        (new Option<string>("--tls-certificate") { Description = "PEM certificate for https:// listen URLs." }, "Tls:CertificatePath"),
        (new Option<string>("--tls-key") { Description = "PEM private key for https:// listen URLs." }, "Tls:KeyPath"),
        (new Option<string>("--sns-pinned-certificates") { Description = "Folder of SNS signing certificates at <dir>/<host>/<path>, used instead of fetching them." }, "Sns:PinnedCertificates"),
    ];

    public static Command Create()
    {
        var command = new Command("serve", "Run the Crowsnest service.");
        foreach (var (option, _) in SettingOptions)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            foreach (var (option, key) in SettingOptions)
            {
                if (parse.GetValue(option) is { } value)
                {
                    overrides[key] = value;
                }
            }
            var built = await CrowsnestHost.BuildAsync(overrides, cancellationToken);
            if (built.App is null)
            {
                foreach (var error in built.Errors)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"crowsnest: {error}");
                }
                return 2;
            }
            await built.App.RunAsync();
            return 0;
        });
        return command;
    }
}
