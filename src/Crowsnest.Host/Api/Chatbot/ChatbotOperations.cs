namespace Crowsnest.Host.Api.Chatbot;

/// <summary>Registers a handler for every AWS Chatbot operation (the endpoint map checks none is missing).</summary>
internal static class ChatbotOperations
{
    public static void Register(IDictionary<string, ApiHandler> handlers, IServiceProvider services)
    {
        services.GetRequiredService<SlackOperations>().Register(handlers);
        services.GetRequiredService<TeamsOperations>().Register(handlers);
        services.GetRequiredService<ChimeOperations>().Register(handlers);
        services.GetRequiredService<IdentityOperations>().Register(handlers);
        services.GetRequiredService<AccountOperations>().Register(handlers);
        services.GetRequiredService<CustomActionOperations>().Register(handlers);
        services.GetRequiredService<TagOperations>().Register(handlers);
    }

    public static void AddChatbotOperations(this IServiceCollection services)
    {
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<ConfigurationRepository>();
        services.AddSingleton<SlackChannelCheck>();
        services.AddSingleton<SlackOperations>();
        services.AddSingleton<TeamsOperations>();
        services.AddSingleton<ChimeOperations>();
        services.AddSingleton<IdentityOperations>();
        services.AddSingleton<AccountOperations>();
        services.AddSingleton<CustomActionOperations>();
        services.AddSingleton<TagOperations>();
    }
}
