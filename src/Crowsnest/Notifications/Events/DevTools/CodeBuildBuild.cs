using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.DevTools;

/// <summary>CodeBuild build state and phase changes (EventBridge and CodeStar Notifications).</summary>
internal sealed class CodeBuildBuild() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "codebuild.build",
        Source = "aws.codebuild",
        Title = (d, _) => d.Str("build-status") is { } status
            ? $"Build {d.Str("project-name")} {status.ToLowerInvariant()}"
            : $"Build {d.Str("project-name")}: phase {d.Str("completed-phase")} {d.Str("completed-phase-status")?.ToLowerInvariant()}",
        Status = d => d.Str("build-status") ?? d.Str("completed-phase-status"),
        Fields = [new("Project", "project-name"), new("Status", "build-status"), new("Phase", "current-phase"), new("Completed phase", "completed-phase"),
            new("Phase status", "completed-phase-status"), new("Duration (s)", "completed-phase-duration-seconds")],
        Extra = (b, d, e) =>
        {
            var info = d.Prop("additional-information");
            b.Field("Initiator", info.Str("initiator")).Time("Started", info.Str("build-start-time"))
                .Link("Logs", info.Path("logs", "deep-link").Text())
                .Link("Build", ConsoleLinks.Service(e.Region, $"codesuite/codebuild/projects/{d.Str("project-name")}/build/{ConsoleLinks.Escape(Arn.Parse(d.Str("build-id"))?.ResourceName ?? string.Empty)}"));
        },
        Link = (d, e) => ("Project", ConsoleLinks.Service(e.Region, $"codesuite/codebuild/projects/{d.Str("project-name")}")),
        ThreadKey = (d, _) => "codebuild/" + d.Str("build-id"),
        Keywords = ["codebuild"],
    };
}
