using System.Text.Json.Nodes;
using Crowsnest.Aws.Protocols;

namespace Crowsnest.Commands.Execute;

/// <summary>The outcome of one AWS call: the result JSON (as the AWS CLI would print it) or an error.</summary>
public abstract record AwsResult
{
    private AwsResult()
    {
    }

    /// <summary>The merged result (all pages read), in model member names; <c>NextToken</c> is set when cut short.</summary>
    public sealed record Success(JsonObject Output, int Pages) : AwsResult;

    /// <summary>AWS (or the way to AWS) refused: the code, AWS's message, and a plain explanation for chat.</summary>
    public sealed record Failure(AwsError Error, string PlainMessage) : AwsResult;
}

/// <summary>Runs parsed AWS calls (SigV4-signed, with timeouts and pagination).</summary>
public interface IAwsInvoker
{
    Task<AwsResult> InvokeAsync(Parse.AwsCall call, Aws.Credentials.AwsCredentials credentials, CancellationToken ct);
}
