using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>Elastic Beanstalk SNS notifications (<c>Timestamp: …</c>, <c>Message: …</c>, <c>Environment: …</c> lines).</summary>
internal sealed class ElasticBeanstalkText : TextEventType
{
    public override string Name => "elasticbeanstalk.event";

    protected override bool Matches(ParsedPayload payload) =>
        payload.Subject?.StartsWith("AWS Elastic Beanstalk Notification", StringComparison.Ordinal) == true
        || (payload.TextStartsWith("Timestamp: ") && payload.Body.Contains("\nEnvironment: ", StringComparison.Ordinal)
            && payload.Body.Contains("elasticbeanstalk", StringComparison.Ordinal));

    protected override IReadOnlyDictionary<string, string> Read(string text) => TextFields.Colon(text);

    protected override (Severity, string, string, string?, string?, string?, IReadOnlyList<string>?) Describe(IReadOnlyDictionary<string, string> f, ParsedPayload payload)
    {
        var message = Get(f, "Message") ?? string.Empty;
        var severity = message.Contains("Unsuccessful", StringComparison.OrdinalIgnoreCase) || message.Contains("fail", StringComparison.OrdinalIgnoreCase)
            ? Severity.High
            : message.Contains("to Severe", StringComparison.Ordinal) || message.Contains("to Degraded", StringComparison.Ordinal) ? Severity.High
            : message.Contains("to Warning", StringComparison.Ordinal) ? Severity.Medium
            : message.Contains("to Ok", StringComparison.Ordinal) ? Severity.Success : Severity.Info;
        var url = Get(f, "Environment URL");
        var region = url is null ? null : url.Split('.').FirstOrDefault(Regions.IsCode);
        return (severity, "aws.elasticbeanstalk", "Elastic Beanstalk notification", null, region, Get(f, "Timestamp"), null);
    }

    protected override ChatMessage Render(AwsEvent e, IReadOnlyDictionary<string, string> f)
    {
        var environment = Get(f, "Environment");
        return new MessageBuilder(e, $"Elastic Beanstalk {environment}: {Md.FirstLine(Get(f, "Message") ?? "notification", 100)}")
            .Summary(Get(f, "Message"))
            .Field("Application", Get(f, "Application"))
            .Field("Environment", environment)
            .Time("Time", Get(f, "Timestamp"))
            .Link("Environment URL", Get(f, "Environment URL"))
            .Link("Environments", ConsoleLinks.Service(e.Region, "elasticbeanstalk/home", "#/environments"))
            .Thread($"elasticbeanstalk/{e.Account}/{e.Region}/{environment}")
            .Keywords("elasticbeanstalk")
            .Build();
    }
}
