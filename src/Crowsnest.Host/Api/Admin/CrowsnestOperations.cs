namespace Crowsnest.Host.Api.Admin;

/// <summary>Crowsnest's operations beyond AWS Chatbot, all under <c>POST /crowsnest/...</c>.</summary>
internal static class CrowsnestOperations
{
    public static IEnumerable<(string Name, string Uri, ApiHandler Handler)> All(IServiceProvider services) =>
        services.GetRequiredService<ChannelAdmin>().All()
            .Concat(services.GetRequiredService<CredentialOperations>().All())
            .Concat(services.GetRequiredService<OperationsAdmin>().All())
            .Concat(services.GetRequiredService<PreviewOperations>().All())
            .Concat(services.GetRequiredService<SourceAdmin>().All());

    public static void AddCrowsnestOperations(this IServiceCollection services)
    {
        services.AddSingleton<ChannelAdmin>();
        services.AddSingleton<CredentialOperations>();
        services.AddSingleton<OperationsAdmin>();
        services.AddSingleton<PreviewOperations>();
        services.AddSingleton<SourceAdmin>();
    }
}
