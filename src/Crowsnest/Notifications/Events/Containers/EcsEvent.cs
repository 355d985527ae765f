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
        Severity = d => d.Str("eventType") switch
        {
            "ERROR" => Severity.High,
            "WARN" => Severity.Medium,
            "INFO" => d.Str("eventName") is "SERVICE_STEADY_STATE" or "SERVICE_DEPLOYMENT_COMPLETED" ? Severity.Success : Severity.Info,
            _ => d.Str("stoppedReason") is not null ? Severity.Medium : StatusSeverity.Of(d.Str("lastStatus") ?? d.Str("status")),
        },
        Summary = d => d.Str("reason") ?? d.Str("stoppedReason"),
        Fields = [new("Event", "eventName"), new("Last status", "lastStatus"), new("Desired status", "desiredStatus"), new("Launch type", "launchType"),
            new("Deployment", "deploymentId"), new("Group", "group"), new("Status", "status"), new("EC2 instance", "ec2InstanceId"), new("Stop code", "stopCode")],
        Extra = (b, d, e) =>
        {
            b.Field("Cluster", Short(d.Str("clusterArn"))).Field("Task definition", Short(d.Str("taskDefinitionArn")));
            var containers = d.Items("containers").Select(c => $"{Md.Code(c.Str("name"))}: {c.Str("lastStatus")}{(c.Str("reason") is { } r ? $" ({r})" : string.Empty)}").ToList();
            b.Section("Containers", containers.Count == 0 ? null : Md.Bullets(containers));
            if (e.Resources.FirstOrDefault() is { } resource)
            {
                b.Link(Arn.Parse(resource)?.ResourceName ?? resource, ConsoleLinks.ForArn(resource));
            }
        },
        ThreadKey = (d, e) => d.Str("taskArn") ?? d.Str("deploymentId") ?? e.Resources.FirstOrDefault(),
        Keywords = ["ecs"],
    };

    private static string Title(JsonElement d, Recognize.AwsEvent e) => e.DetailType switch
    {
        "ECS Task State Change" => $"ECS task {Short(d.Str("taskArn"))} {d.Str("lastStatus")}",
        "ECS Container Instance State Change" => $"ECS container instance {d.Str("ec2InstanceId")} {d.Str("status")}",
        _ => $"{e.DetailType}: {d.Str("eventName") ?? d.Str("status")} {Short(e.Resources.FirstOrDefault())}".Trim(),
    };

    private static string? Short(string? arn) => Arn.Parse(arn) is { } parsed ? parsed.Resource[(parsed.Resource.IndexOf('/', StringComparison.Ordinal) + 1)..] : arn;
}
