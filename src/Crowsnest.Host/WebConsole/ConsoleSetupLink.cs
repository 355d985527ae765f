using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.WebConsole;

/// <summary>
/// On a start with no console administrator, prints a one-time link (valid 24 hours) that creates one. Each start
/// without an administrator prints a new link; old ones stay valid until used or expired.
/// </summary>
internal sealed partial class ConsoleSetupLink(ConsoleAccounts accounts, CrowsnestSettings settings, ILogger<ConsoleSetupLink> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var token = await accounts.IssueSetupTokenAsync(cancellationToken);
        if (token is not null)
        {
            LogSetupLink(logger, $"{BaseUrl(settings.Listen)}/console/setup?token={token}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The first listen URL, with a wildcard host replaced by localhost.</summary>
    public static string BaseUrl(string listen)
    {
        var first = listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://127.0.0.1:8080";
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://*", "://+" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }
        return first.TrimEnd('/');
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No console administrator exists yet. Open this one-time link to create one (valid 24 hours): {SetupLink}")]
    private static partial void LogSetupLink(ILogger logger, string setupLink);
}
