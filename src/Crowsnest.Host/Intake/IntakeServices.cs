using Crowsnest.Configuration;
using Crowsnest.Host.Hosting;
using Crowsnest.Host.Workers;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Ingest.Sns;
using Crowsnest.Notifications.Ingest.Sources;
using Crowsnest.Notifications.Ingest.Sqs;
using Crowsnest.Storage;

namespace Crowsnest.Host.Intake;

/// <summary>The intake services: SNS verification and subscriptions, event and webhook sources, SQS polling.</summary>
internal static class IntakeServices
{
    public static void AddIntake(this IServiceCollection services)
    {
        services.AddSingleton(sp => TrustOptions(sp.GetRequiredService<CrowsnestSettings>().Sns));
        services.AddSingleton<SnsUrlPolicy>();
        services.AddSingleton<SnsHttpClient>();
        services.AddSingleton<SnsCertificateStore>();
        services.AddSingleton<SnsSignatureVerifier>();
        services.AddSingleton<SnsSubscriptionConfirmer>();
        services.AddSingleton(sp => sp.GetRequiredService<IStore>().Inbox);
        services.AddSingleton(sp => sp.GetRequiredService<IStore>().Subscriptions);
        services.AddSingleton(sp => sp.GetRequiredService<IStore>().Resources);
        services.AddSingleton<IConfiguredTopics, SnapshotConfiguredTopics>();
        services.AddSingleton<ISubscriptionConfirmer, VisitingSubscriptionConfirmer>();
        services.AddSingleton<SnsSubscriptionHandler>();
        services.AddSingleton<PayloadReader>();
        services.AddSingleton<SnsIntake>();
        services.AddSingleton<PendingSubscriptions>();
        services.AddSingleton<SourceDirectory>();
        services.AddSingleton<HttpSourceIntake>();
        services.AddSingleton<SqsMessageIntake>();
        services.AddHostedService<SqsPollingService>();
    }

    private static SnsTrustOptions TrustOptions(SnsSettings sns) => new()
    {
        PinnedCertificateDirectory = string.IsNullOrWhiteSpace(sns.PinnedCertificates) ? null : sns.PinnedCertificates,
        ExtraTrustedHosts = sns.TrustedCertificateHosts,
        ExtraTrustedCa = IntakeSettingsValidator.LoadAuthority(sns),
        MaxMessageAge = sns.MaxMessageAge,
    };
}
