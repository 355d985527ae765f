using Crowsnest.Messages;

namespace Crowsnest.Tests.Notifications.Events;

/// <summary>Event forms the corpus has no valid file for (its samples are invalid JSON or absent), written from the documented shapes.</summary>
public sealed class FormsWithoutCorpusFileTests
{
    [Fact]
    public void Cost_anomaly_eventbridge_event()
    {
        const string Body = """
            {"version":"0","id":"1","detail-type":"Anomaly Detected","source":"aws.ce","account":"123456789012","time":"2024-05-01T00:00:00Z",
             "region":"us-east-1","resources":[],"detail":{"accountId":"123456789012","anomalyId":"a-1","monitorName":"services",
             "anomalyStartDate":"2024-04-30T00:00:00Z","impact":{"maxImpact":1500,"totalImpact":1800.5,"totalExpectedSpend":200,"totalActualSpend":2000.5},
             "rootCauses":[{"service":"Amazon Elastic Compute Cloud - Compute","region":"us-east-1","usageType":"BoxUsage"}],
             "anomalyDetailsLink":"https://console.aws.amazon.com/cost-management/home#/anomaly-detection/monitors/m/anomalies/a-1"}}
            """;

        var (awsEvent, message) = EventAssert.Body(Body, "costanomaly.anomaly");

        Assert.Equal(Severity.High, awsEvent.Severity);
        Assert.Equal("Cost anomaly: $1800.5 unexpected spend in Amazon Elastic Compute Cloud - Compute", message.Title);
        Assert.Contains(message.Links, l => l.Text == "Anomaly details");
    }

    [Fact]
    public void Macie_finding()
    {
        const string Body = """
            {"version":"0","id":"2","detail-type":"Macie Finding","source":"aws.macie","account":"123456789012","time":"2024-05-01T00:00:00Z",
             "region":"eu-west-1","resources":[],"detail":{"id":"f-1","type":"SensitiveData:S3Object/Credentials","title":"The S3 object contains credentials data",
             "description":"The object contains credentials.","severity":{"score":3,"description":"High"},
             "resourcesAffected":{"s3Bucket":{"name":"my-bucket"},"s3Object":{"key":"secrets.txt"}}}}
            """;

        var (awsEvent, message) = EventAssert.Body(Body, "macie.finding");

        Assert.Equal(Severity.High, awsEvent.Severity);
        Assert.Equal("`s3://my-bucket/secrets.txt`", EventAssert.Field(message, "Object").Value);
        Assert.Equal("macie/f-1", message.ThreadKey);
    }

    [Fact]
    public void State_manager_association_failure()
    {
        const string Body = """
            {"version":"0","id":"3","detail-type":"EC2 State Manager Instance Association State Change","source":"aws.ssm","account":"123456789012",
             "time":"2024-05-01T00:00:00Z","region":"us-east-2","resources":[],"detail":{"association-id":"assoc-1","instance-id":"i-1",
             "document-name":"AWS-UpdateSSMAgent","status":"Failed","detailed-status":"Failed"}}
            """;

        var (awsEvent, message) = EventAssert.Body(Body, "ssm.state-manager");

        Assert.Equal(Severity.High, awsEvent.Severity);
        Assert.Equal("Association assoc-1 on i-1: Failed", message.Title);
        Assert.Equal("ssm/association/assoc-1", message.ThreadKey);
    }

    [Fact]
    public void Codebuild_event_from_codestar_notifications()
    {
        const string Body = """
            {"account":"123456789012","detailType":"CodeBuild Build State Change","region":"us-east-1","source":"aws.codebuild",
             "time":"2024-05-01T00:00:00Z","notificationRuleArn":"arn:aws:codestar-notifications:us-east-1:123456789012:notificationrule/x",
             "detail":{"build-status":"FAILED","project-name":"app","build-id":"arn:aws:codebuild:us-east-1:123456789012:build/app:1"},"resources":[]}
            """;

        var (awsEvent, message) = EventAssert.Body(Body, "codebuild.build");

        Assert.Equal(Severity.High, awsEvent.Severity);
        Assert.Equal("Build app failed", message.Title);
        Assert.Equal("codebuild/arn:aws:codebuild:us-east-1:123456789012:build/app:1", message.ThreadKey);
    }
}
