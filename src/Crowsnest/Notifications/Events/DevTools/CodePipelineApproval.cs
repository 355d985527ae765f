using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.DevTools;

/// <summary>CodePipeline manual approval requests published to SNS (<c>approval</c>, <c>consoleLink</c>).</summary>
internal sealed class CodePipelineApproval() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "codepipeline.approval",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Prop("approval"u8).Has("pipelineName"u8),
        Title = (d, _) => $"Approval needed: {d.Path("approval"u8, "pipelineName"u8).Text()} / {d.Path("approval"u8, "stageName"u8).Text()} / {d.Path("approval"u8, "actionName"u8).Text()}",
        Severity = _ => Severity.Medium,
        Summary = d => d.Path("approval"u8, "customData"u8).Text(),
        Extra = (b, d, _) =>
        {
            var approval = d.Prop("approval"u8);
            b.Field("Pipeline", approval.Str("pipelineName"u8)).Field("Stage", approval.Str("stageName"u8)).Field("Action", approval.Str("actionName"u8))
                .Time("Expires", approval.Str("expires"u8))
                .Link("Review", approval.Str("approvalReviewLink"u8)).Link("Pipeline", d.Str("consoleLink"u8)).Link("Details", approval.Str("externalEntityLink"u8));
        },
        Origin = d => (null, d.Str("region"u8), null),
        ThreadKey = (d, e) => $"codepipeline/{e.Account}/{e.Region}/{d.Path("approval"u8, "pipelineName"u8).Text()}/approval/{d.Path("approval"u8, "token"u8).Text()}",
        Keywords = ["codepipeline", "approval"],
    };
}
