using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Crowsnest.Aws.Protocols;

/// <summary>Finds the error code, message and request id in an error answer of any protocol (botocore parsers.py rules).</summary>
internal static class ErrorParser
{
    public static AwsError Parse(string protocol, WireResponse response)
    {
        var requestId = response.Header("x-amzn-requestid") ?? response.Header("x-amz-request-id");
        var text = Encoding.UTF8.GetString(response.Body).Trim();
        string? code = null;
        string? message = null;
        if (protocol is "json" or "rest-json")
        {
            code = protocol == "rest-json" ? response.Header("x-amzn-ErrorType") : null;
            if (text.StartsWith('{'))
            {
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    var root = doc.RootElement;
                    code ??= Text(root, "code") ?? Text(root, "Code") ?? Text(root, "__type");
                    message = Text(root, "message") ?? Text(root, "Message") ?? Text(root, "errorMessage");
                }
                catch (JsonException)
                {
                }
            }
            if (protocol == "json" && response.Header("x-amzn-query-error") is { } queryError)
            {
                code = queryError.Split(';')[0];
            }
        }
        else if (text.StartsWith('<') && !text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var root = XElement.Parse(text);
                var error = root.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Error") ?? root;
                code = error.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                message = error.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
                requestId ??= root.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
            }
            catch (System.Xml.XmlException)
            {
            }
        }
        code = Clean(code) ?? response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AwsError(code, message ?? "", response.Status, requestId);
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // "com.amazon.coral.service#ThrottlingException:http://..." -> "ThrottlingException"
    private static string? Clean(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        code = code.Split(':')[0];
        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }
}
