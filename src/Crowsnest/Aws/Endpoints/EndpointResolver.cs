using System.Collections.Frozen;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Endpoints;

/// <summary>An endpoint to call and the region to sign for.</summary>
public sealed record ResolvedEndpoint(Uri BaseUri, string SigningRegion);

/// <summary>
/// Resolves <c>https://{endpointPrefix}.{region}.amazonaws.com</c> (or <c>.com.cn</c>), the global endpoints of
/// partition-global services (IAM, Route 53, CloudFront, ...), and the configured overrides.
/// </summary>
public sealed class EndpointResolver(AwsEndpointOptions options)
{
    // Partition-global services: host and signing region in the aws partition.
    private static readonly FrozenDictionary<string, (string Host, string Region)> Global = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["iam"] = ("iam.amazonaws.com", "us-east-1"),
        ["route53"] = ("route53.amazonaws.com", "us-east-1"),
        ["cloudfront"] = ("cloudfront.amazonaws.com", "us-east-1"),
        ["organizations"] = ("organizations.us-east-1.amazonaws.com", "us-east-1"),
        ["globalaccelerator"] = ("globalaccelerator.us-west-2.amazonaws.com", "us-west-2"),
        ["shield"] = ("shield.us-east-1.amazonaws.com", "us-east-1"),
        ["waf"] = ("waf.amazonaws.com", "us-east-1"),
        ["budgets"] = ("budgets.amazonaws.com", "us-east-1"),
        ["ce"] = ("ce.us-east-1.amazonaws.com", "us-east-1"),
        ["health"] = ("health.us-east-1.amazonaws.com", "us-east-1"),
        ["route53domains"] = ("route53domains.us-east-1.amazonaws.com", "us-east-1"),
        ["networkmanager"] = ("networkmanager.us-west-2.amazonaws.com", "us-west-2"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string DefaultRegion => options.DefaultRegion;

    public ResolvedEndpoint Resolve(ServiceMetadata service, string? region)
    {
        region ??= options.DefaultRegion;
        var china = region.StartsWith("cn-", StringComparison.Ordinal);
        var global = !china && Global.TryGetValue(service.EndpointPrefix, out var g) ? g : default;
        var signingRegion = global.Host is null ? region : global.Region;
        if (Override(service) is { } url)
        {
            return new ResolvedEndpoint(new Uri(url), signingRegion);
        }
        var host = global.Host ?? $"{service.EndpointPrefix}.{region}.amazonaws.com{(china ? ".cn" : "")}";
        return new ResolvedEndpoint(new Uri($"https://{host}"), signingRegion);
    }

    /// <summary>The variable botocore reads for a service: AWS_ENDPOINT_URL_ + serviceId upper-cased, spaces to '_'.</summary>
    public static string VariableFor(ServiceMetadata service) =>
        "AWS_ENDPOINT_URL_" + service.ServiceId.Replace(' ', '_').ToUpperInvariant();

    private string? Override(ServiceMetadata service) =>
        options.Overrides.TryGetValue(VariableFor(service), out var specific) ? specific
        : options.Overrides.TryGetValue("AWS_ENDPOINT_URL", out var all) ? all
        : null;
}
