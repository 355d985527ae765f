using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>Elastic Beanstalk EventBridge events (environment, health, resource status). The SNS text is <see cref="ElasticBeanstalkText"/>.</summary>
internal sealed class ElasticBeanstalkEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "elasticbeanstalk.event",
        Source = "aws.elasticbeanstalk",
        Title = (d, e) => $"{d.Str("EnvironmentName"u8) ?? "Elastic Beanstalk"}: {d.Str("Status"u8) ?? e.DetailType}",
        Severity = d => d.Str("Severity"u8) switch
        {
            "ERROR" or "FATAL" => Severity.High,
            "WARN" => Severity.Medium,
            _ => Severity.Info,
        },
        Summary = d => d.Str("Message"u8),
        Fields = [new("Application", "ApplicationName"), new("Environment", "EnvironmentName"), new("Severity", "Severity")],
        Link = (d, e) => ("Environment", ConsoleLinks.Service(e.Region, "elasticbeanstalk/home", "#/environments")),
        ThreadKey = (d, e) => $"elasticbeanstalk/{e.Account}/{e.Region}/{d.Str("EnvironmentName"u8)}",
        Keywords = ["elasticbeanstalk"],
    };
}
