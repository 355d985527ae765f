using Crowsnest.Configuration.Snapshot;
using Crowsnest.Diagnostics;
using Crowsnest.Host.Api;
using Crowsnest.Host.Api.Admin;
using Crowsnest.Host.Api.Auth;
using Crowsnest.Host.Api.Chatbot;
using Crowsnest.Host.Chat;
using Crowsnest.Host.WebConsole;
using Crowsnest.Host.Intake;
using Crowsnest.Host.Workers;
using Crowsnest.Storage;

namespace Crowsnest.Host.Hosting;

/// <summary>Every service and background worker of the host, registered here explicitly (no scanning).</summary>
internal static class ServiceRegistrations
{
    public static void AddCrowsnestServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CrowsnestMetrics>();

        // Control plane: credentials, the configuration snapshot, the AWS Chatbot API and Crowsnest's own operations.
        services.AddSingleton<ApiCredentialService>();
        services.AddHostedService<ApiBootstrap>();
        services.AddSingleton(sp => new ConfigSnapshotSource(sp.GetRequiredService<IStore>().Resources));
        services.AddHostedService<ConfigSnapshotWorker>();
        services.AddChatbotOperations();
        services.AddCrowsnestOperations();
        services.AddConsole();
        services.AddHostedService<MetricsStartup>();
        services.AddIntake();
        services.AddNotificationWorkers();
        services.AddChatCommands();
        services.AddChatTransports();
    }
}
