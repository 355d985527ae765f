using Crowsnest.Channels.Chime;
using Crowsnest.Channels.Console;
using Crowsnest.Channels.Slack;
using Crowsnest.Channels.Teams;
using Crowsnest.Channels.Webhook;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Hosting;
using Crowsnest.Notifications.Charts;
using Crowsnest.Notifications.Deliver;
using Crowsnest.Notifications.Process;
using Crowsnest.Notifications.Recognize;
using Crowsnest.Storage;

namespace Crowsnest.Host.Workers;

/// <summary>The processing and delivery workers and the chat adapters, registered explicitly.</summary>
internal static class NotificationWorkers
{
    public static void AddNotificationWorkers(this IServiceCollection services)
    {
        services.AddSingleton(sp => new WorkerIdentity($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"));
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<CrowsnestSettings>().Delivery;
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), MaxConnectionsPerServer = 256 };
            return new ChatHttp(new HttpClient(handler) { Timeout = settings.SendTimeout });
        });
        services.AddSingleton<IReadOnlyList<IChatChannel>>(sp =>
        {
            var settings = sp.GetRequiredService<CrowsnestSettings>().Delivery;
            var http = sp.GetRequiredService<ChatHttp>().Client;
            var time = sp.GetRequiredService<TimeProvider>();
            var snapshot = sp.GetRequiredService<ConfigSnapshotSource>();
            Uri? Url(string? s) => string.IsNullOrEmpty(s) ? null : new Uri(s.EndsWith('/') ? s : s + "/");
            return
            [
                new SlackApiChannel(http, team => snapshot.Current.SlackWorkspace(team)?.Secrets.BotToken, time, Url(settings.SlackApiUrl)),
                new SlackWebhookChannel(http, time),
                new TeamsChannel(http, time),
                new ChimeChannel(http, time, Url(settings.ChimeBaseUrl)),
                new WebhookChannel(http, time),
                new ConsoleChannel(),
            ];
        });
        services.AddSingleton(sp => new SlackConfigurationCheck(sp.GetRequiredService<ChatHttp>().Client, sp.GetRequiredService<TimeProvider>(),
            string.IsNullOrEmpty(sp.GetRequiredService<CrowsnestSettings>().Delivery.SlackApiUrl) ? null : new Uri(sp.GetRequiredService<CrowsnestSettings>().Delivery.SlackApiUrl!)));
        services.AddSingleton(sp => sp.GetRequiredService<CrowsnestSettings>().Delivery.RateLimits.ToLimits());
        services.AddSingleton(sp => new TargetRateLimiter(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DeliveryRateLimits>()));
        services.AddSingleton(sp =>
        {
            var snapshot = sp.GetRequiredService<ConfigSnapshotSource>();
            return new NotificationProcessor(sp.GetRequiredService<IStore>(), EventCatalog.Default, () => snapshot.Current, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<CrowsnestSettings>().Delivery;
            var snapshot = sp.GetRequiredService<ConfigSnapshotSource>();
            var log = sp.GetRequiredService<ILogger<DeliveryWorker>>();
            var options = new DeliveryWorkerOptions
            {
                BatchSize = settings.BatchSize,
                MaxConcurrency = settings.Concurrency,
                SendTimeout = settings.SendTimeout,
                Lease = settings.Lease,
                Retry = RetryPolicy.Default with { MaxAge = settings.MaxAge },
                Digests = settings.Digests,
            };
            return new DeliveryWorker(sp.GetRequiredService<IStore>(), sp.GetRequiredService<IReadOnlyList<IChatChannel>>(), () => snapshot.Current,
                sp.GetRequiredService<TargetRateLimiter>(), sp.GetRequiredService<TimeProvider>(), options, sp.GetRequiredService<DeliveryRateLimits>(), observe: o => WorkerLog.Outcome(log, o),
                charts: sp.GetRequiredService<CrowsnestSettings>().Aws.Charts ? sp.GetRequiredService<AlarmCharts>() : null);
        });
        services.AddAlarmCharts();
        services.AddHostedService<ProcessingWorker>();
        services.AddHostedService<DeliveryLoopWorker>();
    }
}

/// <summary>This instance's lease owner name.</summary>
internal sealed record WorkerIdentity(string Owner);

/// <summary>The HTTP client the chat adapters share (its timeout is the send timeout).</summary>
internal sealed record ChatHttp(HttpClient Client);
