using System.Diagnostics;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Execute.Output;

namespace Crowsnest.Tests.Commands.Execute;

/// <summary>Resources the comparison commands read, created once in the shared moto.</summary>
public sealed class ComparisonFixture : IAsyncLifetime
{
    public string Suffix { get; } = MotoAws.Unique("cmp");
    internal MotoAws Moto { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Moto = await MotoAws.SharedAsync();
        await Moto.OkAsync($"cloudwatch put-metric-alarm --alarm-name {Suffix} --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average "
            + "--period 60 --threshold 70 --comparison-operator GreaterThanThreshold --evaluation-periods 1 --dimensions Name=InstanceId,Value=i-1");
        await Moto.OkAsync($"logs create-log-group --log-group-name /{Suffix}/a");
        await Moto.OkAsync($"ssm put-parameter --name /{Suffix} --value v --type String");
        await Moto.OkAsync($"s3api create-bucket --bucket {Suffix}");
        await Moto.OkAsync($"sns create-topic --name {Suffix}");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// The same commands through Crowsnest and through the AWS CLI (v1, botocore 1.43) against the same moto give the
/// same JSON. Ignored: timestamp members (the CLI prints them as they came off the wire, and botocore speaks JSON to
/// CloudWatch where the npm model speaks query, so the wire forms differ) and the ResponseMetadata the CLI drops.
/// </summary>
public class AwsCliComparisonTests(ComparisonFixture fixture) : IClassFixture<ComparisonFixture>
{
    [Theory]
    [InlineData("sts get-caller-identity")]
    [InlineData("cloudwatch describe-alarms --alarm-names {0}")]
    [InlineData("cloudwatch describe-alarms --alarm-names {0} --query MetricAlarms[].[AlarmName,Threshold]")]
    [InlineData("logs describe-log-groups --log-group-name-prefix /{0}/")]
    [InlineData("ssm get-parameter --name /{0}")]
    [InlineData("s3api list-objects-v2 --bucket {0}")]
    [InlineData("sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:{0}")]
    [InlineData("lambda list-functions --max-items 5")]
    [InlineData("ec2 describe-vpcs --filters Name=is-default,Values=true")]
    [InlineData("route53 list-hosted-zones-by-name --dns-name {0}.example.com")]
    public async Task Same_json_as_the_aws_cli(string template)
    {
        var command = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, fixture.Suffix);
        var call = MotoAws.Parse(command);
        var ours = await fixture.Moto.RunAsync(command);
        var success = Assert.IsType<AwsResult.Success>(ours);
        var crowsnest = JsonNode.Parse(AwsOutput.Render(call, success.Output));
        var cli = JsonNode.Parse(await RunAwsCliAsync(fixture.Moto.Url, command));
        var shape = call.Output.Query is null ? call.Operation.Output : null;
        Assert.Equal(Normalize(cli, shape)!.ToJsonString(), Normalize(crowsnest, shape)!.ToJsonString());
    }

    [Theory]
    [InlineData("ssm get-parameter --name /missing/{0}", "ParameterNotFound")]
    [InlineData("s3api get-bucket-location --bucket missing-{0}", "NoSuchBucket")]
    [InlineData("ec2 describe-instances --instance-ids i-00000000000000000", "InvalidInstanceID.NotFound")]
    [InlineData("route53 get-hosted-zone --id NOPE{0}", "NoSuchHostedZone")]
    public async Task Same_error_code_as_the_aws_cli(string template, string code)
    {
        var command = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, fixture.Suffix);
        var failure = Assert.IsType<AwsResult.Failure>(await fixture.Moto.RunAsync(command));
        Assert.Equal(code, failure.Error.Code);
        var cliError = await RunAwsCliAsync(fixture.Moto.Url, command, expectFailure: true);
        Assert.Contains($"({code})", cliError, StringComparison.Ordinal);
    }

    private static async Task<string> RunAwsCliAsync(string url, string command, bool expectFailure = false)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var word in Crowsnest.Commands.Parse.CommandTokenizer.Tokenize(command, out _)!)
        {
            start.ArgumentList.Add(word);
        }
        foreach (var extra in new[] { "--endpoint-url", url, "--output", "json", "--region", "us-east-1" })
        {
            start.ArgumentList.Add(extra);
        }
        start.Environment["AWS_ACCESS_KEY_ID"] = MotoAws.TestCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = MotoAws.TestCredentials.SecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The AWS CLI (`aws`) is not installed.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (expectFailure)
        {
            Assert.NotEqual(0, process.ExitCode);
            return await stderr;
        }
        Assert.True(process.ExitCode == 0, $"aws {command} failed: {await stderr}");
        return await stdout;
    }

    // Timestamps become a marker; numbers are compared as numbers (70 and 70.0 are the same value).
    private static JsonNode? Normalize(JsonNode? node, Shape? shape) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Key != "ResponseMetadata").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value, shape?.Members.GetValueOrDefault(p.Key) ?? (shape?.IsMap == true ? shape.Value : null))))),
        JsonArray a => new JsonArray([.. a.Select(e => Normalize(e, shape?.Member))]),
        JsonValue when shape?.Type == "timestamp" => "<timestamp>",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
        _ => node?.DeepClone(),
    };
}
