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
        Status = d => d.Str("state"u8),
        Summary = d => d.Path("execution-result"u8, "external-execution-summary"u8).Text() ?? d.Path("execution-trigger"u8, "trigger-detail"u8).Text(),
        Fields = [new("Pipeline", "pipeline"), new("Stage", "stage"), new("Action", "action"), new("State", "state"), new("Execution", "execution-id", false)],
        Extra = (b, d, e) =>
        {
            b.Field("Provider", d.Path("type"u8, "provider"u8).Text()).Field("Trigger", d.Path("execution-trigger"u8, "trigger-type"u8).Text())
                .Link("External execution", d.Path("execution-result"u8, "external-execution-url"u8).Text());
            var attributes = e.Payload.Prop("additionalAttributes"u8);
            var failed = attributes.Items("failedActions"u8).Select(a => $"{Md.Code(a.Str("action"u8))}: {a.Str("additionalInformation"u8)}").ToList();
            b.Section("Failed actions", failed.Count == 0 ? null : Md.Bullets(failed));
            b.Link("Execution", ExecutionLink(d, e));
        },
        Link = (d, e) => ("Pipeline", ConsoleLinks.Service(e.Region, $"codesuite/codepipeline/pipelines/{d.Str("pipeline"u8)}/view")),
        ThreadKey = (d, e) => $"codepipeline/{e.Account}/{e.Region}/{d.Str("pipeline"u8)}/{d.Str("execution-id"u8)}",
        Keywords = ["codepipeline"],
    };

    private static string Title(JsonElement d, AwsEvent e)
    {
        var pipeline = d.Str("pipeline"u8) ?? "pipeline";
        var state = d.Str("state"u8)?.ToLowerInvariant() ?? "changed";
        return d.Str("action"u8) is { } action ? $"{pipeline}: action {action} ({d.Str("stage"u8)}) {state}"
            : d.Str("stage"u8) is { } stage ? $"{pipeline}: stage {stage} {state}"
            : $"Pipeline {pipeline} {state}";
    }

    private static string? ExecutionLink(JsonElement d, AwsEvent e) =>
        d.Str("execution-id"u8) is { } id ? ConsoleLinks.Service(e.Region, $"codesuite/codepipeline/pipelines/{d.Str("pipeline"u8)}/executions/{id}/timeline") : null;
}
