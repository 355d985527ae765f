using System.Text.Json;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Model;

namespace Crowsnest.Tests.Configuration;

public sealed class ModelValidatorTests
{
    private static IReadOnlyList<ValidationError> Validate(string shape, string json) =>
        ModelValidator.Chatbot.Validate(shape, JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_valid_slack_request_has_no_errors()
    {
        Assert.Empty(Validate("CreateSlackChannelConfigurationRequest",
            """{"SlackTeamId":"T0123","SlackChannelId":"C0123","ConfigurationName":"ops_alerts-1","IamRoleArn":"arn:aws:iam::123456789012:role/x","LoggingLevel":"INFO"}"""));
    }

    [Fact]
    public void Every_problem_is_listed_at_once_with_its_member_path()
    {
        var errors = Validate("CreateSlackChannelConfigurationRequest",
            """{"SlackTeamId":"t-lower","ConfigurationName":"bad name","IamRoleArn":"nope","LoggingLevel":"DEBUG","SnsTopicArns":["x"],"Tags":[{"TagKey":""}]}""");

        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains("slackTeamId", paths);
        Assert.Contains("slackChannelId", paths);
        Assert.Contains("configurationName", paths);
        Assert.Contains("iamRoleArn", paths);
        Assert.Contains("loggingLevel", paths);
        Assert.Contains("snsTopicArns.1.member", paths);
        Assert.Contains("tags.1.member.tagKey", paths);
        Assert.Contains("tags.1.member.tagValue", paths);
        Assert.StartsWith($"{errors.Count} validation errors detected: ", ValidationError.Describe(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Patterns_must_match_the_whole_value()
    {
        var errors = Validate("CreateSlackChannelConfigurationRequest",
            """{"SlackTeamId":"T0123","SlackChannelId":"C0123","ConfigurationName":"ok but spaced","IamRoleArn":"arn:aws:iam::123456789012:role/x"}""");

        var error = Assert.Single(errors);
        Assert.Contains("Member must satisfy regular expression pattern: [A-Za-z0-9-_]+", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitive_values_are_never_echoed()
    {
        var errors = Validate("CreateChimeWebhookConfigurationRequest",
            """{"WebhookDescription":"d","WebhookUrl":"https://hooks.example.com/SecretValue42","SnsTopicArns":[],"IamRoleArn":"arn:aws:iam::123456789012:role/x","ConfigurationName":"c"}""");

        var error = Assert.Single(errors);
        Assert.Equal("webhookUrl", error.Path);
        Assert.DoesNotContain("SecretValue42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_and_types_are_checked()
    {
        var errors = Validate("DescribeSlackChannelConfigurationsRequest", """{"MaxResults":500,"NextToken":5}""");

        Assert.Contains(errors, e => e.Path == "maxResults" && e.Message.Contains("less than or equal to 100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "nextToken" && e.Message.Contains("must be a string", StringComparison.Ordinal));
    }
}
