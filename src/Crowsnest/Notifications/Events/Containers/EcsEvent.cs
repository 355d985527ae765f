using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Containers;

/// <summary>Amazon ECS: task state, container instance state, service actions and deployment state changes.</summary>
internal sealed class EcsEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ecs.event",
        Source = "aws.ecs",
        Title = Title,
        Severity = d => d.Str("eventType"u8) switch
        {
            "ERROR" => Severity.High,
            "WARN" => Severity.Medium,
            "INFO" => d.Str("eventName"u8) is "SERVICE_STEADY_STATE" or "SERVICE_DEPLOYMENT_COMPLETED" ? Severity.Success : Severity.Info,
            _ => d.Str("stoppedReason"u8) is not null ? Severity.Medium : StatusSeverity.Of(d.Str("lastStatus"u8) ?? d.Str("status"u8)),
        },
        Summary = d => d.Str("reason"u8) ?? d.Str("stoppedReason"u8),
        Fields = [new("Event", "eventName"), new("Last status", "lastStatus"), new("Desired status", "desiredStatus"), new("Launch type", "launchType"),
            new("Deployment", "deploymentId"), new("Group", "group"), new("Status", "status"), new("EC2 instance", "ec2InstanceId"), new("Stop code", "stopCode")],
        Extra = (b, d, e) =>
        {
            b.Field("Cluster", Short(d.Str("clusterArn"u8))).Field("Task definition", Short(d.Str("taskDefinitionArn"u8)));
            var containers = d.Items("containers"u8).Select(c => $"{Md.Code(c.Str("name"u8))}: {c.Str("lastStatus"u8)}{(c.Str("reason"u8) is { } r ? $" ({r})" : string.Empty)}").ToList();
            b.Section("Containers", containers.Count == 0 ? null : Md.Bullets(containers));
            if (e.Resources.FirstOrDefault() is { } resource)
            {
                b.Link(Arn.Parse(resource)?.ResourceName ?? resource, ConsoleLinks.ForArn(resource));
            }
        },
        ThreadKey = (d, e) => d.Str("taskArn"u8) ?? d.Str("deploymentId"u8) ?? e.Resources.FirstOrDefault(),
        Keywords = ["ecs"],
    };

    private static string Title(JsonElement d, Recognize.AwsEvent e) => e.DetailType switch
    {
        "ECS Task State Change" => $"ECS task {Short(d.Str("taskArn"u8))} {d.Str("lastStatus"u8)}",
        "ECS Container Instance State Change" => $"ECS container instance {d.Str("ec2InstanceId"u8)} {d.Str("status"u8)}",
        _ => $"{e.DetailType}: {d.Str("eventName"u8) ?? d.Str("status"u8)} {Short(e.Resources.FirstOrDefault())}".Trim(),
    };

    private static string? Short(string? arn) => Arn.Parse(arn) is { } parsed ? parsed.Resource[(parsed.Resource.IndexOf('/', StringComparison.Ordinal) + 1)..] : arn;
}
