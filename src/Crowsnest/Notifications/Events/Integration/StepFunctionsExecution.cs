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
        Title = (d, _) => $"{StateMachine(d)} execution {d.Str("name"u8)} {d.Str("status"u8)?.ToLowerInvariant().Replace('_', ' ')}",
        Status = d => d.Str("status"u8),
        Summary = d => d.Str("cause"u8) ?? d.Str("error"u8),
        Fields = [new("State machine", "stateMachineArn", false), new("Status", "status"), new("Error", "error")],
        Extra = (b, d, _) =>
        {
            b.Time("Started", d.Str("startDate"u8)).Time("Stopped", d.Str("stopDate"u8));
            if (d.Num("startDate"u8) is { } start && d.Num("stopDate"u8) is { } stop && Durations.Milliseconds(stop - start) is { } duration)
            {
                b.Field("Duration", duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
            }

            b.Section("Output", d.Str("output"u8) is { } output && output.Length < 500 ? Md.CodeBlock(output) : null);
        },
        Link = (d, e) => ("Execution", ConsoleLinks.Service(e.Region, "states/home", "#/v2/executions/details/" + ConsoleLinks.Escape(d.Str("executionArn"u8) ?? string.Empty))),
        ThreadKey = (d, _) => "states/" + d.Str("executionArn"u8),
        UpdateKey = (d, _) => "states/" + d.Str("executionArn"u8),
        Keywords = ["stepfunctions"],
    };

    private static string StateMachine(JsonElement d) => Arn.Parse(d.Str("stateMachineArn"u8))?.ResourceName ?? "State machine";
}
