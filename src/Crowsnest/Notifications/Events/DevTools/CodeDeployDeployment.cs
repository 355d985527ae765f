using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.DevTools;

/// <summary>CodeDeploy deployment and instance state changes: EventBridge events and deployment-group trigger messages on SNS.</summary>
internal sealed class CodeDeployDeployment() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "codedeploy.deployment",
        Source = "aws.codedeploy",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("deploymentId"u8) && p.Root.Has("eventTriggerName"u8),
        Title = (d, _) => $"Deployment {d.Str("deploymentId"u8)} of {d.Str("application"u8, "applicationName"u8)}{(d.Str("instanceId"u8) is { } i ? $" on {i}" : string.Empty)}: {d.Str("state"u8, "status"u8)}",
        Status = d => d.Str("state"u8, "status"u8),
        Summary = d => d.Path("errorInformation"u8, "ErrorMessage"u8).Text(),
        Fields = [new("Application", "application"), new("Application", "applicationName"), new("Group", "deploymentGroup"), new("Group", "deploymentGroupName"),
            new("Instance", "instanceId"), new("Trigger", "eventTriggerName")],
        Extra = (b, d, _) =>
        {
            b.Field("Error", d.Path("errorInformation"u8, "ErrorCode"u8).Text()).Time("Created", d.Str("createTime"u8)).Time("Completed", d.Str("completeTime"u8));
            var overview = d.Prop("deploymentOverview"u8).Scalars().Select(s => $"{s.Name}: {s.Value}").ToList();
            b.Field("Instances", overview.Count == 0 ? null : string.Join(", ", overview), isShort: false);
        },
        Link = (d, e) => ("Deployment", ConsoleLinks.Service(e.Region, $"codesuite/codedeploy/deployments/{d.Str("deploymentId"u8)}")),
        Origin = d => (d.Str("accountId"u8), d.Str("region"u8), d.Str("createTime"u8)),
        ThreadKey = (d, _) => "codedeploy/" + d.Str("deploymentId"u8),
        Keywords = ["codedeploy"],
    };
}
