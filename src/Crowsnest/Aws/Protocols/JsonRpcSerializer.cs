using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Protocols;

/// <summary>The json protocol (awsJson 1.0/1.1): POST / with X-Amz-Target and a JSON body (botocore JSONSerializer).</summary>
internal static class JsonRpcSerializer
{
    public static WireRequest Serialize(OperationModel operation, JsonObject input)
    {
        var md = operation.Service.Metadata;
        var headers = new Dictionary<string, string>
        {
            ["X-Amz-Target"] = $"{md.TargetPrefix}.{operation.Name}",
        };
        var body = operation.Input is { } shape ? JsonBodyWriter.Write(shape, input) : "{}"u8.ToArray();
        return new WireRequest("POST", "/", headers, body, $"application/x-amz-json-{md.JsonVersion ?? "1.0"}");
    }
}
