using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Aws.Models;
using Crowsnest.Channels.Slack;
using Crowsnest.Commands.Authorize;
using Crowsnest.Commands.Chat;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Chat.Slack;
using Crowsnest.Host.Hosting;
using Crowsnest.Iam.Sources;
using Crowsnest.Storage;

namespace Crowsnest.Host.Chat;

/// <summary>The chat command pipeline's services, registered explicitly.</summary>
internal static partial class ChatRegistrations
{
    public static void AddChatCommands(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<CrowsnestSettings>().Commands);
        services.AddSingleton(_ => ServiceCatalog.OpenDefault());
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<ChatSettings>();
            var environment = AwsEndpointOptions.FromEnvironment();
            var overrides = settings.AwsEndpointUrl is { Length: > 0 } url ? new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = url } : environment.Overrides;
            return new AwsEndpointOptions { Overrides = overrides, DefaultRegion = settings.Region is { Length: > 0 } region ? region : environment.DefaultRegion };
        });
        services.AddSingleton<IAwsInvoker>(sp =>
        {
            var settings = sp.GetRequiredService<ChatSettings>();
            // The invoker's own limit is the server maximum; the handler tells the user at StillRunningAfter.
            var options = new AwsInvokerOptions { Timeout = settings.MaxRunTime, Endpoints = sp.GetRequiredService<AwsEndpointOptions>() };
            return new AwsInvoker(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new RoleAssumer(_ => AwsCredentials.FromDefaultChainAsync(), sp.GetRequiredService<AwsEndpointOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChatPolicyResolver>(sp =>
        {
            var settings = sp.GetRequiredService<ChatSettings>();
            var models = sp.GetRequiredService<ServiceCatalog>();
            var aws = new AwsPolicySource(sp.GetRequiredService<IAwsInvoker>(), models, _ => AwsCredentials.FromDefaultChainAsync());
            var cached = new CachingPolicySource(aws, sp.GetRequiredService<TimeProvider>(), settings.PolicyCacheTtl);
            return new ChatPolicyResolver(new PolicyResolver(cached, new ModelReadOnlyOperationCatalog(models)));
        });
        services.AddSingleton<ChatCommandHandler>(sp =>
        {
            var settings = sp.GetRequiredService<ChatSettings>();
            var store = sp.GetRequiredService<IStore>();
            var snapshot = sp.GetRequiredService<ConfigSnapshotSource>();
            var log = sp.GetRequiredService<ILogger<ChatCommandHandler>>();
            return new ChatCommandHandler(new ChatHandlerDependencies
            {
                Snapshot = () => snapshot.Current,
                Parser = new CommandParser(sp.GetRequiredService<ServiceCatalog>()),
                Authorizer = new Authorizer(),
                Policies = sp.GetRequiredService<IChatPolicyResolver>(),
                UserRoles = new StoreUserRoleDirectory(store),
                Credentials = new StsChatCredentials(sp.GetRequiredService<RoleAssumer>()),
                Invoker = sp.GetRequiredService<IAwsInvoker>(),
                Aliases = store.Aliases,
                Audit = store.Audit,
                State = store.ChatState,
                Settings = store.Settings,
                Shortcuts = sp.GetServices<IChatShortcut>().ToList(),
                Options = new ChatHandlerOptions
                {
                    ConfirmationTimeout = settings.ConfirmationTimeout,
                    StillRunningAfter = settings.StillRunningAfter,
                    MaxRunTime = settings.MaxRunTime,
                    DefaultRegion = sp.GetRequiredService<AwsEndpointOptions>().DefaultRegion,
                },
                Time = sp.GetRequiredService<TimeProvider>(),
                OnError = (id, e) => HandlerFailed(log, id, e),
            });
        });
        services.AddSingleton<IChatCommandHandler>(sp => sp.GetRequiredService<ChatCommandHandler>());
        services.AddSingleton(sp => new ChatWorkQueue(sp.GetRequiredService<ChatSettings>().QueueCapacity));
        services.AddHostedService<ChatWorkers>();
        services.AddSingleton(sp =>
        {
            var delivery = sp.GetRequiredService<CrowsnestSettings>().Delivery;
            var snapshot = sp.GetRequiredService<ConfigSnapshotSource>();
            var api = string.IsNullOrEmpty(delivery.SlackApiUrl) ? null : new Uri(delivery.SlackApiUrl.EndsWith('/') ? delivery.SlackApiUrl : delivery.SlackApiUrl + "/");
            return new SlackChatResponder(sp.GetRequiredService<Workers.ChatHttp>().Client, team => snapshot.Current.SlackWorkspace(team)?.Secrets.BotToken,
                sp.GetRequiredService<TimeProvider>(), api);
        });
        services.AddSingleton<ISlackInbound>(sp => new SlackInbound(sp.GetRequiredService<ChatWorkQueue>(), sp.GetRequiredService<IChatCommandHandler>(),
            sp.GetRequiredService<SlackChatResponder>(), sp.GetRequiredService<IStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackInbound>>()));
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Error, Message = "Chat command {CorrelationId} failed")]
    private static partial void HandlerFailed(ILogger logger, string correlationId, Exception exception);
}
