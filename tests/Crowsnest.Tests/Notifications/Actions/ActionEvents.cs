using System.Text.Json;
using Crowsnest.Configuration;
using Crowsnest.Notifications.Recognize;
using Crowsnest.Storage;
using static Crowsnest.Testing.TestConfigurations;

namespace Crowsnest.Tests.Notifications.Actions;

/// <summary>Events and custom actions for the action tests.</summary>
internal static class ActionEvents
{
    /// <summary>A Lambda errors alarm as SNS delivers it (classic JSON with a FunctionName dimension).</summary>
    public static string LambdaAlarm(string function, string state = "ALARM", string? description = null, string nameSpace = "AWS/Lambda", string dimension = "FunctionName") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["AlarmName"] = $"{function}-errors",
            ["AlarmDescription"] = description,
            ["AWSAccountId"] = Account,
            ["NewStateValue"] = state,
            ["NewStateReason"] = "Threshold Crossed: 2 out of the last 3 datapoints were greater than the threshold (1.0).",
            ["StateChangeTime"] = "2026-11-28T01:00:00.000+0000",
            ["Region"] = "US East (N. Virginia)",
            ["AlarmArn"] = $"arn:aws:cloudwatch:us-east-1:{Account}:alarm:{function}-errors",
            ["OldStateValue"] = "OK",
            ["Trigger"] = new Dictionary<string, object?>
            {
                ["MetricName"] = "Errors",
                ["Namespace"] = nameSpace,
                ["StatisticType"] = "Statistic",
                ["Statistic"] = "SUM",
                ["Dimensions"] = new[] { new Dictionary<string, string> { ["value"] = function, ["name"] = dimension } },
                ["Period"] = 60,
                ["EvaluationPeriods"] = 3,
                ["ComparisonOperator"] = "GreaterThanThreshold",
                ["Threshold"] = 1.0,
            },
        });

    /// <summary>An EventBridge CodePipeline action state change.</summary>
    public static string PipelineEvent(string pipeline, string state) =>
        EventBridgeEvent("CodePipeline Pipeline Execution State Change", "aws.codepipeline",
            new Dictionary<string, object?> { ["pipeline"] = pipeline, ["state"] = state, ["execution-id"] = "e-1", ["version"] = 3 },
            [$"arn:aws:codepipeline:us-east-1:{Account}:{pipeline}"]);

    public static AwsEvent Event(string body) =>
        EventCatalog.Default.Recognize(Sns(body)).Event ?? throw new InvalidOperationException("not recognised");

    public static CustomActionDocument Action(string name, string command, params CustomActionAttachment[] attachments) => new()
    {
        CustomActionArn = $"arn:aws:chatbot::{Account}:custom-action/{name}",
        ActionName = name,
        Definition = new CustomActionDefinition(command),
        Attachments = attachments,
    };

    public static ResourceRecord Record(CustomActionDocument action) => new(
        ResourceKinds.CustomAction, action.CustomActionArn, action.ActionName, ConfigurationJson.Write(action), null, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
