namespace Crowsnest.Host.WebConsole;

/// <summary>Registers the web console's services.</summary>
internal static class ConsoleServices
{
    public static void AddConsole(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleAccounts>();
        services.AddSingleton<ConsoleSessions>();
        services.AddHostedService<ConsoleSetupLink>();
    }
}
