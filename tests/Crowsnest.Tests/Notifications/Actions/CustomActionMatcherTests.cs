using Crowsnest.Configuration;
using Crowsnest.Notifications.Actions;
using static Crowsnest.Tests.Notifications.Actions.ActionEvents;

namespace Crowsnest.Tests.Notifications.Actions;

public class CustomActionMatcherTests
{
    private static readonly Crowsnest.Notifications.Recognize.AwsEvent Failed = Event(PipelineEvent("deploy", "FAILED"));

    private static CustomActionAttachment Attach(string? type = null, string? button = "Retry", params CustomActionAttachmentCriteria[] criteria) => new()
    {
        NotificationType = type,
        ButtonText = button,
        Variables = new Dictionary<string, string> { ["pipeline"] = "$event.detail.pipeline", ["state"] = "$event.detail.state" },
        Criteria = criteria,
    };

    [Theory]
    [InlineData(null)]
    [InlineData("codepipeline")]
    [InlineData("CodePipeline")]
    [InlineData("codepipeline-execution")]
    [InlineData("aws-codepipeline")]
    [InlineData("CodePipeline-Pipeline-Execution-State-Change")]
    public void Notification_type_names_the_event_in_any_of_its_forms(string? type)
    {
        var match = Assert.Single(CustomActionMatcher.Match(Failed, [Action("retry", "codepipeline start-pipeline-execution --name $pipeline", Attach(type))]));
        Assert.Equal("Retry", match.ButtonText);
        Assert.Equal("codepipeline start-pipeline-execution --name deploy", match.CommandText);
        Assert.Equal(0, match.AttachmentIndex);
    }

    [Theory]
    [InlineData("cloudwatch")]
    [InlineData("guardduty-finding")]
    [InlineData("codepipeline-approval")]
    public void Another_notification_type_does_not_match(string type) =>
        Assert.Empty(CustomActionMatcher.Match(Failed, [Action("retry", "x", Attach(type))]));

    [Fact]
    public void Criteria_must_all_hold()
    {
        var equalsFailed = new CustomActionAttachmentCriteria(CustomActionMatcher.EqualsOperator, "state", "FAILED");
        var equalsOk = new CustomActionAttachmentCriteria(CustomActionMatcher.EqualsOperator, "state", "SUCCEEDED");
        var hasPipeline = new CustomActionAttachmentCriteria(CustomActionMatcher.HasValue, "pipeline", null);
        var hasUndeclared = new CustomActionAttachmentCriteria(CustomActionMatcher.HasValue, "nothing", null);
        Assert.Single(CustomActionMatcher.Match(Failed, [Action("a", "x", Attach(criteria: [equalsFailed, hasPipeline]))]));
        Assert.Empty(CustomActionMatcher.Match(Failed, [Action("a", "x", Attach(criteria: [equalsOk]))]));
        Assert.Empty(CustomActionMatcher.Match(Failed, [Action("a", "x", Attach(criteria: [hasPipeline, hasUndeclared]))]));
        Assert.Empty(CustomActionMatcher.Match(Failed, [Action("a", "x", Attach(criteria: [new CustomActionAttachmentCriteria("LIKE", "state", "F")]))]));
    }

    [Fact]
    public void Each_matching_attachment_is_a_button_and_the_action_name_labels_one_without_text()
    {
        var action = Action("inspect", "codepipeline get-pipeline-state --name $pipeline", Attach("guardduty"), Attach("codepipeline", button: null), Attach());
        var matches = CustomActionMatcher.Match(Failed, [action]);
        Assert.Equal([1, 2], matches.Select(m => m.AttachmentIndex));
        Assert.Equal("inspect", matches[0].ButtonText);
    }

    [Fact]
    public void Custom_notifications_match_on_their_metadata_event_type()
    {
        var body = "{\"version\":\"1.0\",\"source\":\"custom\",\"content\":{\"description\":\"deploy done\"},\"metadata\":{\"eventType\":\"DeployFinished\",\"additionalContext\":{\"service\":\"orders\"}}}";
        var custom = Event(body);
        var attachment = new CustomActionAttachment
        {
            NotificationType = "deployfinished",
            Variables = new Dictionary<string, string> { ["service"] = "$event.metadata.additionalContext.service" },
        };
        Assert.Equal("ecs describe-services --services orders", Assert.Single(CustomActionMatcher.Match(custom, [Action("svc", "ecs describe-services --services $service", attachment)])).CommandText);
    }
}
