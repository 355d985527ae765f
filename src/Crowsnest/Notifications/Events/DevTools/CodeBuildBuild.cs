using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.DevTools;

/// <summary>CodeBuild build state and phase changes (EventBridge and CodeStar Notifications).</summary>
internal sealed class CodeBuildBuild() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "codebuild.build",
        Source = "aws.codebuild",
        Title = (d, _) => d.Str("build-status"u8) is { } status
            ? $"Build {d.Str("project-name"u8)} {status.ToLowerInvariant()}"
            : $"Build {d.Str("project-name"u8)}: phase {d.Str("completed-phase"u8)} {d.Str("completed-phase-status"u8)?.ToLowerInvariant()}",
        Status = d => d.Str("build-status"u8) ?? d.Str("completed-phase-status"u8),
        Fields = [new("Project", "project-name"), new("Status", "build-status"), new("Phase", "current-phase"), new("Completed phase", "completed-phase"),
            new("Phase status", "completed-phase-status"), new("Duration (s)", "completed-phase-duration-seconds")],
        Extra = (b, d, e) =>
        {
            var info = d.Prop("additional-information"u8);
            b.Field("Initiator", info.Str("initiator"u8)).Time("Started", info.Str("build-start-time"u8))
                .Link("Logs", info.Path("logs"u8, "deep-link"u8).Text())
                .Link("Build", ConsoleLinks.Service(e.Region, $"codesuite/codebuild/projects/{d.Str("project-name"u8)}/build/{ConsoleLinks.Escape(Arn.Parse(d.Str("build-id"u8))?.ResourceName ?? string.Empty)}"));
        },
        Link = (d, e) => ("Project", ConsoleLinks.Service(e.Region, $"codesuite/codebuild/projects/{d.Str("project-name"u8)}")),
        ThreadKey = (d, _) => "codebuild/" + d.Str("build-id"u8),
        Keywords = ["codebuild"],
    };
}
