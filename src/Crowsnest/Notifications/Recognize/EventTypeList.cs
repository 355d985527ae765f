using Crowsnest.Notifications.Events.Audit;
using Crowsnest.Notifications.Events.Billing;
using Crowsnest.Notifications.Events.CloudFormation;
using Crowsnest.Notifications.Events.CloudWatch;
using Crowsnest.Notifications.Events.Compute;
using Crowsnest.Notifications.Events.Config;
using Crowsnest.Notifications.Events.Containers;
using Crowsnest.Notifications.Events.Custom;
using Crowsnest.Notifications.Events.Data;
using Crowsnest.Notifications.Events.DevTools;
using Crowsnest.Notifications.Events.Generic;
using Crowsnest.Notifications.Events.Health;
using Crowsnest.Notifications.Events.Integration;
using Crowsnest.Notifications.Events.Other;
using Crowsnest.Notifications.Events.Security;
using Crowsnest.Notifications.Events.Sns;
using Crowsnest.Notifications.Events.Storage;
using Crowsnest.Notifications.Events.SystemsManager;

namespace Crowsnest.Notifications.Recognize;

/// <summary>
/// The explicit, ordered list of event types. Within a service, narrower types (by detail type) come before
/// broader ones (any detail type of the source); the fallbacks come last.
/// </summary>
public static class EventTypeList
{
    /// <summary>Specific event types, in the order they are tried.</summary>
    public static IReadOnlyList<IEventType> Specific { get; } =
    [
        // Custom notifications and alarms first: the most common and the cheapest to tell apart.
        new CustomNotification(),
        new CloudWatchAlarm(),
        new AlarmConfigurationChange(),

        // Before any source-wide type: "AWS API Call via CloudTrail" comes with the called service as source.
        new CloudTrailApiCall(),

        // Security
        new GuardDutyFinding(),
        new GuardDutyMalwareScan(),
        new SecurityHubInsight(),
        new SecurityHubFindings(),
        new Inspector2Finding(),
        new Inspector2Scan(),
        new AccessAnalyzerEvent(),
        new MacieFinding(),
        new HealthEvent(),
        new ConfigNotification(),
        new ConfigText(),

        // Systems Manager (narrow detail types before the broad maintenance-window match)
        new SsmRunCommand(),
        new SsmAutomation(),
        new SsmCompliance(),
        new SsmParameterStore(),
        new SsmStateManager(),
        new SsmChangeCalendar(),
        new SsmMaintenanceWindow(),

        // Developer tools
        new CodePipelineExecution(),
        new CodePipelineApproval(),
        new CodeBuildBuild(),
        new CodeDeployDeployment(),
        new CodeCommitRepository(),
        new CloudFormationStatusChange(),
        new CloudFormationStackNotification(),

        // Billing
        new BudgetsNotification(),
        new CostAnomaly(),

        // Compute and containers
        new Ec2SpotInterruption(),
        new Ec2InstanceStateChange(),
        new EbsNotification(),
        new AutoScalingEvent(),
        new AutoScalingText(),
        new EcsEvent(),
        new EcrImage(),
        new BatchJob(),
        new ElasticBeanstalkEvent(),
        new ElasticBeanstalkText(),

        // Data, storage, integration
        new BackupJob(),
        new BackupNotification(),
        new S3ObjectEvent(),
        new RdsEvent(),
        new DmsEvent(),
        new GlueEvent(),
        new EmrEvent(),
        new StepFunctionsExecution(),
        new SyntheticsCanary(),

        // Audit
        new ConsoleSignIn(),
        new TrustedAdvisorCheck(),
        new KmsEvent(),

        // Other services with one simple shape
        new SageMakerTrainingJob(),
        new TranscribeJob(),
        new TranslateJob(),
        new ServerMigrationJob(),
        new GameLiftMatchmaking(),
        new OpsWorksEvent(),
        new TagChange(),
        new ScheduledEvent(),
        new SnsSubscriptionMessage(),
    ];

    /// <summary>Generic fallbacks, tried after every specific type.</summary>
    public static IReadOnlyList<IEventType> Fallbacks { get; } =
    [
        new GenericEventBridgeEvent(),
        new SnsText(),
    ];
}
