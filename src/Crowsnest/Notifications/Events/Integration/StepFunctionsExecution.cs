using System.Text.Json;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Integration;

/// <summary>Step Functions "Step Functions Execution Status Change".</summary>
internal sealed class StepFunctionsExecution() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "stepfunctions.execution",
        Source = "aws.states",
        Title = (d, _) => $"{StateMachine(d)} execution {d.Str("name")} {d.Str("status")?.ToLowerInvariant().Replace('_', ' ')}",
        Status = d => d.Str("status"),
        Summary = d => d.Str("cause") ?? d.Str("error"),
        Fields = [new("State machine", "stateMachineArn", false), new("Status", "status"), new("Error", "error")],
        Extra = (b, d, _) =>
        {
            b.Time("Started", d.Str("startDate")).Time("Stopped", d.Str("stopDate"));
            if (d.Num("startDate") is { } start && d.Num("stopDate") is { } stop && Durations.Milliseconds(stop - start) is { } duration)
            {
                b.Field("Duration", duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
            }

            b.Section("Output", d.Str("output") is { } output && output.Length < 500 ? Md.CodeBlock(output) : null);
        },
        Link = (d, e) => ("Execution", ConsoleLinks.Service(e.Region, "states/home", "#/v2/executions/details/" + ConsoleLinks.Escape(d.Str("executionArn") ?? string.Empty))),
        ThreadKey = (d, _) => "states/" + d.Str("executionArn"),
        UpdateKey = (d, _) => "states/" + d.Str("executionArn"),
        Keywords = ["stepfunctions"],
    };

    private static string StateMachine(JsonElement d) => Arn.Parse(d.Str("stateMachineArn"))?.ResourceName ?? "State machine";
}
