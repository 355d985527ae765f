using System.Text.Json;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.DevTools;

/// <summary>
/// CodePipeline pipeline, stage and action execution state changes, as EventBridge events and as CodeStar
/// Notifications' "processed event" (<c>detailType</c>, <c>notificationRuleArn</c>). One execution is one thread.
/// </summary>
internal sealed class CodePipelineExecution() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "codepipeline.execution",
        Source = "aws.codepipeline",
        Title = Title,
        Status = d => d.Str("state"),
        Summary = d => d.Path("execution-result", "external-execution-summary").Text() ?? d.Path("execution-trigger", "trigger-detail").Text(),
        Fields = [new("Pipeline", "pipeline"), new("Stage", "stage"), new("Action", "action"), new("State", "state"), new("Execution", "execution-id", false)],
        Extra = (b, d, e) =>
        {
            b.Field("Provider", d.Path("type", "provider").Text()).Field("Trigger", d.Path("execution-trigger", "trigger-type").Text())
                .Link("External execution", d.Path("execution-result", "external-execution-url").Text());
            var attributes = e.Payload.Prop("additionalAttributes");
            var failed = attributes.Items("failedActions").Select(a => $"{Md.Code(a.Str("action"))}: {a.Str("additionalInformation")}").ToList();
            b.Section("Failed actions", failed.Count == 0 ? null : Md.Bullets(failed));
            b.Link("Execution", ExecutionLink(d, e));
        },
        Link = (d, e) => ("Pipeline", ConsoleLinks.Service(e.Region, $"codesuite/codepipeline/pipelines/{d.Str("pipeline")}/view")),
        ThreadKey = (d, e) => $"codepipeline/{e.Account}/{e.Region}/{d.Str("pipeline")}/{d.Str("execution-id")}",
        Keywords = ["codepipeline"],
    };

    private static string Title(JsonElement d, AwsEvent e)
    {
        var pipeline = d.Str("pipeline") ?? "pipeline";
        var state = d.Str("state")?.ToLowerInvariant() ?? "changed";
        return d.Str("action") is { } action ? $"{pipeline}: action {action} ({d.Str("stage")}) {state}"
            : d.Str("stage") is { } stage ? $"{pipeline}: stage {stage} {state}"
            : $"Pipeline {pipeline} {state}";
    }

    private static string? ExecutionLink(JsonElement d, AwsEvent e) =>
        d.Str("execution-id") is { } id ? ConsoleLinks.Service(e.Region, $"codesuite/codepipeline/pipelines/{d.Str("pipeline")}/executions/{id}/timeline") : null;
}
