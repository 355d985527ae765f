using Crowsnest.Host.Api.Auth;

namespace Crowsnest.Host.Api;

/// <summary>
/// On the first start (no credential exists and no <c>Api:BootstrapToken</c> is set) issues a bearer token and
/// prints it once, so the first access keys can be created. It is stored hashed like any token; revoke it after use.
/// </summary>
internal sealed partial class ApiBootstrap(ApiCredentialService credentials, ILogger<ApiBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var issued = await credentials.EnsureBootstrapAsync(cancellationToken);
        if (issued is not null)
        {
            LogBootstrap(logger, issued.Secret, issued.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API credential exists yet. Bootstrap API token (shown once, use as 'Authorization: Bearer <token>' to create access keys, then revoke {TokenId}): {Token}")]
    private static partial void LogBootstrap(ILogger logger, string token, string tokenId);
}
