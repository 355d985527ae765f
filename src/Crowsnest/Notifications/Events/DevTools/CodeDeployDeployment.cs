using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.DevTools;

/// <summary>CodeDeploy deployment and instance state changes: EventBridge events and deployment-group trigger messages on SNS.</summary>
internal sealed class CodeDeployDeployment() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "codedeploy.deployment",
        Source = "aws.codedeploy",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Has("deploymentId") && p.Root.Has("eventTriggerName"),
        Title = (d, _) => $"Deployment {d.Str("deploymentId")} of {d.Str("application", "applicationName")}{(d.Str("instanceId") is { } i ? $" on {i}" : string.Empty)}: {d.Str("state", "status")}",
        Status = d => d.Str("state", "status"),
        Summary = d => d.Path("errorInformation", "ErrorMessage").Text(),
        Fields = [new("Application", "application"), new("Application", "applicationName"), new("Group", "deploymentGroup"), new("Group", "deploymentGroupName"),
            new("Instance", "instanceId"), new("Trigger", "eventTriggerName")],
        Extra = (b, d, _) =>
        {
            b.Field("Error", d.Path("errorInformation", "ErrorCode").Text()).Time("Created", d.Str("createTime")).Time("Completed", d.Str("completeTime"));
            var overview = d.Prop("deploymentOverview").Scalars().Select(s => $"{s.Name}: {s.Value}").ToList();
            b.Field("Instances", overview.Count == 0 ? null : string.Join(", ", overview), isShort: false);
        },
        Link = (d, e) => ("Deployment", ConsoleLinks.Service(e.Region, $"codesuite/codedeploy/deployments/{d.Str("deploymentId")}")),
        Origin = d => (d.Str("accountId"), d.Str("region"), d.Str("createTime")),
        ThreadKey = (d, _) => "codedeploy/" + d.Str("deploymentId"),
        Keywords = ["codedeploy"],
    };
}
