using System.Text.Json.Nodes;
using Crowsnest.Messages;

namespace Crowsnest.Tests.Notifications.Events.DevTools;

public sealed class CodePipelineExecutionTests
{
    [Fact]
    public void Pipeline_stage_and_action_events_of_one_execution_share_a_thread()
    {
        var startedBody = File.ReadAllText(Path.Combine(CorpusFiles.Root, "eventbridge/codepipeline/pipeline-execution-started.json"));
        var failedAction = JsonNode.Parse(startedBody)!;
        failedAction["detail-type"] = "CodePipeline Action Execution State Change";
        failedAction["detail"]!["stage"] = "Deploy";
        failedAction["detail"]!["action"] = "Deploy";
        failedAction["detail"]!["state"] = "FAILED";

        var (_, started) = EventAssert.Body(startedBody, "codepipeline.execution");
        var (_, action) = EventAssert.Body(failedAction.ToJsonString(), "codepipeline.execution");
        var (_, otherRegion) = EventAssert.Corpus("eventbridge/codepipeline/stage-execution-stopped.json", "codepipeline.execution");

        Assert.Equal("codepipeline/123456789012/us-east-1/myPipeline/12345678-1234-5678-abcd-12345678abcd", started.ThreadKey);
        Assert.Equal(started.ThreadKey, action.ThreadKey);
        Assert.NotEqual(started.ThreadKey, otherRegion.ThreadKey);
        Assert.Equal(Severity.Info, started.Severity);
        Assert.Equal(Severity.High, action.Severity);
        Assert.Equal("myPipeline: action Deploy (Deploy) failed", action.Title);
    }

    [Fact]
    public void CodeStar_processed_event_lists_failed_actions()
    {
        var (awsEvent, message) = EventAssert.Corpus("sns-text/codestar-notifications/codepipeline-action-execution-failed.json", "codepipeline.execution");

        Assert.Equal("CodePipeline Action Execution State Change", awsEvent.DetailType);
        Assert.Equal(Severity.High, message.Severity);
        Assert.Contains(message.Links, l => l.Text == "Pipeline" && l.Url.Contains("codesuite/codepipeline/pipelines/myPipeline/view", StringComparison.Ordinal));
    }
}
