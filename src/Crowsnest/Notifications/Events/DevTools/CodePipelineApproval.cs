using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.DevTools;

/// <summary>CodePipeline manual approval requests published to SNS (<c>approval</c>, <c>consoleLink</c>).</summary>
internal sealed class CodePipelineApproval() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "codepipeline.approval",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Prop("approval").Has("pipelineName"),
        Title = (d, _) => $"Approval needed: {d.Path("approval", "pipelineName").Text()} / {d.Path("approval", "stageName").Text()} / {d.Path("approval", "actionName").Text()}",
        Severity = _ => Severity.Medium,
        Summary = d => d.Path("approval", "customData").Text(),
        Extra = (b, d, _) =>
        {
            var approval = d.Prop("approval");
            b.Field("Pipeline", approval.Str("pipelineName")).Field("Stage", approval.Str("stageName")).Field("Action", approval.Str("actionName"))
                .Time("Expires", approval.Str("expires"))
                .Link("Review", approval.Str("approvalReviewLink")).Link("Pipeline", d.Str("consoleLink")).Link("Details", approval.Str("externalEntityLink"));
        },
        Origin = d => (null, d.Str("region"), null),
        ThreadKey = (d, e) => $"codepipeline/{e.Account}/{e.Region}/{d.Path("approval", "pipelineName").Text()}/approval/{d.Path("approval", "token").Text()}",
        Keywords = ["codepipeline", "approval"],
    };
}
