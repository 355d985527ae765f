using System.Text.Json;

namespace Crowsnest.Iam;

/// <summary>
/// Derives the resource ARNs of a call from its parameters (botocore member names) for common services; any other
/// call is evaluated against <c>*</c>, which IAM requires for actions without resource-level permissions.
/// </summary>
public static class ResourceArns
{
    /// <summary>The resource of calls that name none.</summary>
    public const string Any = "*";

    private static readonly IReadOnlyList<string> AnyList = [Any];

    /// <summary>The ARNs the call acts on, or <c>["*"]</c>.</summary>
    /// <param name="service">IAM prefix or signing name (<c>lambda</c>, <c>cloudwatch</c>/<c>monitoring</c>, <c>s3</c>, …).</param>
    /// <param name="operation">The operation name (<c>Invoke</c>, <c>PutMetricAlarm</c>, …).</param>
    /// <param name="parameters">The call's input as a JSON object with botocore member names.</param>
    /// <param name="region">The Region called.</param>
    /// <param name="account">The account the call runs in.</param>
    public static IReadOnlyList<string> Derive(string service, string operation, JsonElement parameters, string region, string account)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(operation);
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return AnyList;
        }
        var partition = PartitionOf(region);
        var prefix = $"arn:{partition}:";
        var found = new List<string>();
        switch (service.ToLowerInvariant())
        {
            case "lambda":
                foreach (var name in Strings(parameters, "FunctionName"))
                {
                    // A name, name:qualifier, account:function:name (a partial ARN) or a full ARN.
                    found.Add(name.StartsWith("arn:", StringComparison.Ordinal) ? name
                        : name.Contains(":function:", StringComparison.Ordinal) ? $"{prefix}lambda:{region}:{name}"
                        : $"{prefix}lambda:{region}:{account}:function:{name}");
                }
                break;
            case "cloudwatch" or "monitoring":
                foreach (var name in Strings(parameters, "AlarmName").Concat(Strings(parameters, "AlarmNames")))
                {
                    found.Add($"{prefix}cloudwatch:{region}:{account}:alarm:{name}");
                }
                break;
            case "s3":
                foreach (var bucket in Strings(parameters, "Bucket"))
                {
                    var keys = Strings(parameters, "Key").ToList();
                    found.Add(keys.Count > 0 ? $"{prefix}s3:::{bucket}/{keys[0]}" : $"{prefix}s3:::{bucket}");
                }
                break;
            case "sqs":
                foreach (var url in Strings(parameters, "QueueUrl"))
                {
                    if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.Length >= 3)
                    {
                        found.Add($"{prefix}sqs:{region}:{uri.Segments[1].TrimEnd('/')}:{uri.Segments[2].TrimEnd('/')}");
                    }
                }
                break;
            case "sns":
                found.AddRange(Strings(parameters, "TopicArn").Where(a => a.StartsWith("arn:", StringComparison.Ordinal)));
                break;
            case "dynamodb":
                foreach (var table in Strings(parameters, "TableName"))
                {
                    found.Add(table.StartsWith("arn:", StringComparison.Ordinal) ? table : $"{prefix}dynamodb:{region}:{account}:table/{table}");
                }
                break;
            case "logs":
                foreach (var group in Strings(parameters, "logGroupName"))
                {
                    found.Add($"{prefix}logs:{region}:{account}:log-group:{group}:*");
                }
                break;
            case "ec2":
                foreach (var id in Strings(parameters, "InstanceIds").Concat(Strings(parameters, "InstanceId")))
                {
                    found.Add($"{prefix}ec2:{region}:{account}:instance/{id}");
                }
                break;
            case "states":
                found.AddRange(Strings(parameters, "stateMachineArn").Concat(Strings(parameters, "executionArn")));
                break;
            case "codepipeline":
                foreach (var name in Strings(parameters, "name").Concat(Strings(parameters, "pipelineName")))
                {
                    found.Add($"{prefix}codepipeline:{region}:{account}:{name}");
                }
                break;
            case "ecs":
                foreach (var cluster in Strings(parameters, "cluster"))
                {
                    found.Add(cluster.StartsWith("arn:", StringComparison.Ordinal) ? cluster : $"{prefix}ecs:{region}:{account}:cluster/{cluster}");
                }
                break;
        }
        return found.Count == 0 ? AnyList : found;
    }

    /// <summary>aws, aws-cn or aws-us-gov, from the Region name.</summary>
    public static string PartitionOf(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ => "aws",
    };

    private static IEnumerable<string> Strings(JsonElement parameters, string member)
    {
        if (!parameters.TryGetProperty(member, out var value))
        {
            yield break;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } single)
        {
            yield return single;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
                {
                    yield return text;
                }
            }
        }
    }
}
