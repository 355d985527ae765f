using Crowsnest.Notifications.Actions;

namespace Crowsnest.Tests.Notifications.Actions;

public class EventVariablesTests
{
    private static readonly Crowsnest.Notifications.Recognize.AwsEvent Pipeline = ActionEvents.Event(ActionEvents.PipelineEvent("deploy", "FAILED"));

    [Theory]
    [InlineData("$event.detail.pipeline", "deploy")]
    [InlineData("event.detail.state", "FAILED")]
    [InlineData("$.detail.execution-id", "e-1")]
    [InlineData("$event.detail.version", "3")]
    [InlineData("$event.resources[0]", "arn:aws:codepipeline:us-east-1:123456789012:deploy")]
    [InlineData("$event.resources.0", "arn:aws:codepipeline:us-east-1:123456789012:deploy")]
    [InlineData("$event.account", "123456789012")]
    [InlineData("$event.type", "codepipeline.execution")]
    public void Reads_paths_into_the_event(string path, string expected) =>
        Assert.Equal(expected, EventVariables.Read(Pipeline, path));

    [Theory]
    [InlineData("$event.detail.missing")]
    [InlineData("$event.resources[5]")]
    [InlineData("$event")]
    public void Missing_values_are_null(string path) => Assert.Null(EventVariables.Read(Pipeline, path));

    [Fact]
    public void Objects_come_back_as_compact_json() =>
        Assert.Equal("{\"pipeline\":\"deploy\",\"state\":\"FAILED\",\"execution-id\":\"e-1\",\"version\":3}", EventVariables.Read(Pipeline, "$event.detail"));

    [Fact]
    public void Alarm_fields_are_read_from_the_alarm_json()
    {
        var alarm = ActionEvents.Event(ActionEvents.LambdaAlarm("orders"));
        Assert.Equal("orders-errors", EventVariables.Read(alarm, "$event.AlarmName"));
        Assert.Equal("orders", EventVariables.Read(alarm, "$event.Trigger.Dimensions[0].value"));
        Assert.Equal("us-east-1", EventVariables.Read(alarm, "$event.region"));
    }
}
