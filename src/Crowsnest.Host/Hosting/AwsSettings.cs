using Crowsnest.Aws.Endpoints;

namespace Crowsnest.Host.Hosting;

/// <summary>
/// How the service itself calls AWS (alarm charts). Endpoints follow the AWS SDKs' standard
/// <c>AWS_ENDPOINT_URL</c> / <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> environment variables; these settings, when set,
/// take precedence. Setting keys <c>Aws:*</c>.
/// </summary>
internal sealed class AwsSettings
{
    /// <summary>The region for calls that name none. Setting key <c>Aws:Region</c> (else AWS_REGION, else us-east-1).</summary>
    public string? Region { get; set; }

    /// <summary>One endpoint for every AWS service (VPC endpoints, emulators). Setting key <c>Aws:EndpointUrl</c>.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>
    /// Endpoints per service id as the SDK variables spell it (<c>CLOUDWATCH</c>, <c>STS</c>).
    /// Setting keys <c>Aws:ServiceEndpoints:CLOUDWATCH</c>, ...
    /// </summary>
    public Dictionary<string, string> ServiceEndpoints { get; set; } = [];

    /// <summary>Whether metric alarms get a chart. Setting key <c>Aws:Charts</c>.</summary>
    public bool Charts { get; set; } = true;

    /// <summary>How long fetching one chart's data may take. Setting key <c>Aws:ChartTimeout</c>.</summary>
    public TimeSpan ChartTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The environment's endpoints and region, overridden by these settings.</summary>
    public AwsEndpointOptions EndpointOptions()
    {
        var environment = AwsEndpointOptions.FromEnvironment();
        var overrides = new Dictionary<string, string>(environment.Overrides, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(EndpointUrl))
        {
            overrides["AWS_ENDPOINT_URL"] = EndpointUrl;
        }
        foreach (var (service, url) in ServiceEndpoints)
        {
            overrides["AWS_ENDPOINT_URL_" + service.ToUpperInvariant()] = url;
        }
        return environment with { Overrides = overrides, DefaultRegion = string.IsNullOrEmpty(Region) ? environment.DefaultRegion : Region };
    }

    /// <summary>The problems with these settings, each naming its key.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (key, url) in ServiceEndpoints.Select(e => ($"Aws:ServiceEndpoints:{e.Key}", e.Value)).Prepend(("Aws:EndpointUrl", EndpointUrl ?? "")))
        {
            if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                yield return $"{key}: '{url}' is not an absolute http(s) URL.";
            }
        }
        if (ChartTimeout <= TimeSpan.Zero || ChartTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"Aws:ChartTimeout: {ChartTimeout} must be between 0 and 1 minute.";
        }
    }
}
