using System.Collections;

namespace Crowsnest.Aws.Endpoints;

/// <summary>
/// Where AWS calls go when not to the regional AWS endpoint. Keys are the AWS SDKs' standard variable names,
/// <c>AWS_ENDPOINT_URL</c> and <c>AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;</c> (e.g. <c>AWS_ENDPOINT_URL_CLOUDWATCH_LOGS</c>),
/// taken from server configuration or the process environment — never from chat.
/// </summary>
public sealed record AwsEndpointOptions
{
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    /// <summary>The region used when a command gives none.</summary>
    public string DefaultRegion { get; init; } = "us-east-1";

    /// <summary>Reads <c>AWS_ENDPOINT_URL*</c> and <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c> from the environment.</summary>
    public static AwsEndpointOptions FromEnvironment()
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") is not "true")
        {
            foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            {
                if (e.Key is string k && k.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal) && e.Value is string { Length: > 0 } v)
                {
                    overrides[k] = v;
                }
            }
        }
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        return new AwsEndpointOptions { Overrides = overrides, DefaultRegion = string.IsNullOrEmpty(region) ? "us-east-1" : region };
    }
}
