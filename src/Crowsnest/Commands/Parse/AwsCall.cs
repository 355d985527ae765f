using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Commands.Parse;

/// <summary>How the caller wants the result: <c>--query</c>, <c>--output</c> and the pagination options.</summary>
public sealed record OutputOptions(
    string? Query = null,
    OutputFormat Format = OutputFormat.Json,
    int? MaxItems = null,
    string? StartingToken = null,
    int? PageSize = null,
    bool Paginate = true);

public enum OutputFormat
{
    Json,
    Text,
    Table,
}

/// <summary>
/// One parsed AWS call: the operation (with its service), the input in model member names, the region (null = the
/// server's default) and the output options.
/// </summary>
public sealed record AwsCall(OperationModel Operation, JsonObject Input, string? Region, OutputOptions Output)
{
    /// <summary>The AWS CLI service name, e.g. <c>cloudwatch</c>.</summary>
    public string Service => Operation.Service.Metadata.CliName;

    /// <summary>The API operation name, e.g. <c>DescribeAlarms</c>.</summary>
    public string OperationName => Operation.Name;

    /// <summary>The IAM action, e.g. <c>cloudwatch:DescribeAlarms</c>.</summary>
    public string IamAction => Operation.IamAction;

    public bool IsReadOnly => Operation.IsReadOnly;

    /// <summary>Required parameters not given, as CLI options (<c>--alarm-name</c>), for prompting.</summary>
    public IReadOnlyList<string> MissingRequired { get; init; } = [];

    /// <summary>The command as the AWS CLI would spell it (without values), for logs and audit.</summary>
    public override string ToString() => $"{Service} {Operation.CliName}";
}
