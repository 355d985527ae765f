using Crowsnest.Diagnostics;
using Crowsnest.Host.Workers;

namespace Crowsnest.Host.Hosting;

/// <summary>Every service and background worker of the host, registered here explicitly (no scanning).</summary>
internal static class ServiceRegistrations
{
    public static void AddCrowsnestServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CrowsnestMetrics>();
        services.AddConfigSnapshot();
        services.AddNotificationWorkers();
    }
}
