using Crowsnest.Notifications.Actions;
using static Crowsnest.Tests.Notifications.Actions.ActionEvents;

namespace Crowsnest.Tests.Notifications.Actions;

public class AlarmLogGroupsTests
{
    private static readonly DateTimeOffset Changed = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_lambda_alarm_reads_its_function_log_group_over_the_evaluation_window()
    {
        var window = AlarmLogGroups.Find(Event(LambdaAlarm("orders")));
        Assert.NotNull(window);
        Assert.Equal(["/aws/lambda/orders"], window.LogGroups);
        Assert.Equal(Changed, window.End);
        Assert.Equal(Changed.AddMinutes(-3), window.Start); // 3 periods of 60 s
        Assert.Equal("us-east-1", window.Region);
    }

    [Theory]
    [InlineData("AWS/Logs", "LogGroupName", "/app/web", "/app/web")]
    [InlineData("AWS/CodeBuild", "ProjectName", "build-api", "/aws/codebuild/build-api")]
    public void Other_namespaces_that_imply_a_log_group(string nameSpace, string dimension, string value, string expected) =>
        Assert.Equal([expected], AlarmLogGroups.Find(Event(LambdaAlarm(value, nameSpace: nameSpace, dimension: dimension)))!.LogGroups);

    [Fact]
    public void The_description_names_the_log_group_of_a_metric_filter_alarm_first()
    {
        var body = LambdaAlarm("orders", description: "5xx from the API. Log group: /ecs/api-web.", nameSpace: "Custom/Api", dimension: "Service");
        Assert.Equal(["/ecs/api-web"], AlarmLogGroups.Find(Event(body))!.LogGroups);
        var both = LambdaAlarm("orders", description: "see log-group=/aws/apigateway/orders");
        Assert.Equal(["/aws/apigateway/orders", "/aws/lambda/orders"], AlarmLogGroups.Find(Event(both))!.LogGroups);
    }

    [Fact]
    public void No_buttons_without_a_known_group_or_outside_alarm()
    {
        Assert.Null(AlarmLogGroups.Find(Event(LambdaAlarm("orders", state: "OK"))));
        Assert.Null(AlarmLogGroups.Find(Event(LambdaAlarm("i-123", nameSpace: "AWS/EC2", dimension: "InstanceId"))));
        Assert.Null(AlarmLogGroups.Find(Event(PipelineEvent("deploy", "FAILED"))));
    }
}
