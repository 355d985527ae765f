namespace Crowsnest.Host.Api.Admin;

/// <summary>Crowsnest's operations beyond AWS Chatbot, all under <c>POST /crowsnest/...</c>.</summary>
internal static class CrowsnestOperations
{
    public static IEnumerable<(string Name, string Uri, ApiHandler Handler)> All(IServiceProvider services) =>
        services.GetRequiredService<ChannelAdmin>().All()
            .Concat(services.GetRequiredService<CredentialOperations>().All())
            .Concat(services.GetRequiredService<OperationsAdmin>().All())
            .Concat(services.GetRequiredService<PreviewOperations>().All())
            .Concat(services.GetRequiredService<ConsoleOperations>().All())
            .Concat(services.GetRequiredService<GuardrailOperations>().All())
            .Concat(services.GetRequiredService<SlackCheckOperations>().All())
            .Concat(services.GetRequiredService<AliasOperations>().All())
            .Concat(services.GetRequiredService<UserIdentityOperations>().All())
            .Concat(services.GetRequiredService<SimulateOperations>().All())
            .Concat(services.GetRequiredService<SourceAdmin>().All())
            .Concat(services.GetRequiredService<SecretsAdmin>().All());

    public static void AddCrowsnestOperations(this IServiceCollection services)
    {
        services.AddSingleton<ChannelAdmin>();
        services.AddSingleton<CredentialOperations>();
        services.AddSingleton<OperationsAdmin>();
        services.AddSingleton<PreviewOperations>();
        services.AddSingleton<ConsoleOperations>();
        services.AddSingleton<GuardrailOperations>();
        services.AddSingleton<SlackCheckOperations>();
        services.AddSingleton<AliasOperations>();
        services.AddSingleton<UserIdentityOperations>();
        services.AddSingleton<SimulateOperations>();
        services.AddSingleton<SourceAdmin>();
        services.AddSingleton<SecretsAdmin>();
    }
}
