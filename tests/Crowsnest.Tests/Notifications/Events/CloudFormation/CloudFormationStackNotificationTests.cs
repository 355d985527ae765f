using Crowsnest.Messages;

namespace Crowsnest.Tests.Notifications.Events.CloudFormation;

public sealed class CloudFormationStackNotificationTests
{
    [Fact]
    public void Key_value_text_is_read_field_by_field()
    {
        var (awsEvent, message) = EventAssert.Corpus("sns-text/cloudformation/stack-event-ecs-service-delete-in-progress.txt", "cloudformation.notification");

        Assert.Equal("EcsService", EventAssert.Field(message, "Resource").Value);
        Assert.Equal("AWS::ECS::Service", EventAssert.Field(message, "Type").Value);
        Assert.Equal("DELETE_IN_PROGRESS", EventAssert.Field(message, "Status").Value);
        Assert.Equal("561178107736", awsEvent.Account);
        Assert.Equal("us-east-1", awsEvent.Region);
        Assert.StartsWith("cloudformation/arn:aws:cloudformation:us-east-1:561178107736:stack/", message.ThreadKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_level_failure_with_quotes_in_the_reason_is_high_severity()
    {
        const string Text = """
            StackId='arn:aws:cloudformation:eu-west-1:123456789012:stack/app/1111'
            Timestamp='2024-01-02T03:04:05.678Z'
            EventId='app-UPDATE_ROLLBACK_IN_PROGRESS-2024'
            LogicalResourceId='app'
            Namespace='123456789012'
            ResourceProperties='null'
            ResourceStatus='UPDATE_FAILED'
            ResourceStatusReason='The following resource(s) failed to update: [Api]. Resource 'Api' isn't ready'
            ResourceType='AWS::CloudFormation::Stack'
            StackName='app'
            ClientRequestToken='null'
            """;

        var (awsEvent, message) = EventAssert.Body(Text, "cloudformation.notification", subject: "AWS CloudFormation Notification");

        Assert.Equal(Severity.High, awsEvent.Severity);
        Assert.Equal("Stack app: UPDATE_FAILED", message.Title);
        Assert.Equal("The following resource(s) failed to update: [Api]. Resource 'Api' isn't ready", message.Summary);
        Assert.Equal("2024-01-02 03:04:05 UTC", EventAssert.Field(message, "Time").Value);
    }
}
