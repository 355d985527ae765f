using System.Text.Json;
using Crowsnest.Configuration.Filters;

namespace Crowsnest.Tests.Configuration;

public sealed class EventPatternTests
{
    private const string Event = """
        {"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","account":"123456789012","region":"eu-west-1",
         "resources":["arn:aws:ec2:eu-west-1:123456789012:instance/i-1"],"detail":{"state":"stopped","count":7,"tags":["prod","web"]}}
        """;

    [Theory]
    [InlineData("""{"source":["aws.ec2"]}""", true)]
    [InlineData("""{"source":["aws.s3"]}""", false)]
    [InlineData("""{"detail":{"state":["running","stopped"]}}""", true)]
    [InlineData("""{"detail":{"tags":["prod"]}}""", true)]
    [InlineData("""{"region":[{"prefix":"eu-"}]}""", true)]
    [InlineData("""{"detail-type":[{"suffix":"Notification"}]}""", true)]
    [InlineData("""{"detail":{"state":[{"anything-but":["stopped","terminated"]}]}}""", false)]
    [InlineData("""{"detail":{"state":[{"anything-but":{"prefix":"run"}}]}}""", true)]
    [InlineData("""{"detail":{"count":[{"numeric":[">",5,"<=",7]}]}}""", true)]
    [InlineData("""{"detail":{"count":[{"numeric":[">",7]}]}}""", false)]
    [InlineData("""{"detail":{"reason":[{"exists":false}]}}""", true)]
    [InlineData("""{"detail":{"state":[{"exists":false}]}}""", false)]
    [InlineData("""{"detail":{"state":[{"equals-ignore-case":"STOPPED"}]}}""", true)]
    [InlineData("""{"resources":[{"wildcard":"arn:aws:ec2:*:instance/*"}]}""", true)]
    [InlineData("""{"source":["aws.ec2"],"detail":{"state":["running"]}}""", false)]
    public void Patterns_match_as_eventbridge_does(string pattern, bool expected)
    {
        var compiled = EventPattern.TryCompile(pattern, out var error);
        Assert.Null(error);
        using var payload = JsonDocument.Parse(Event);

        Assert.Equal(expected, compiled!.Matches(payload.RootElement));
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("""{"source":"aws.ec2"}""")]
    [InlineData("""{"source":[]}""")]
    [InlineData("""{"source":[{"regex":"x"}]}""")]
    [InlineData("""{"count":[{"numeric":[">"]}]}""")]
    [InlineData("not json")]
    public void Unusable_patterns_are_refused_with_a_reason(string pattern)
    {
        Assert.Null(EventPattern.TryCompile(pattern, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
