using System.Net;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Endpoints;

/// <summary>
/// The URL one request goes to: the resolved endpoint, the operation's model host prefix (<c>endpoint.hostPrefix</c>,
/// e.g. <c>{AccountId}.</c> for S3 Control, <c>management.</c> for Deadline Cloud) with its host labels filled in, and
/// for S3 the bucket in the host name (virtual-hosted style) where the name allows it. Path style is kept when
/// configured, for buckets whose names do not fit in a host name, and for endpoints that are IP addresses or localhost
/// (emulators); host prefixes are not put in front of those either.
/// </summary>
public static class RequestAddress
{
    /// <summary>Builds the request URL from <paramref name="pathAndQuery"/> (as serialised, bucket in the path).</summary>
    public static Uri For(OperationModel operation, JsonObject input, ResolvedEndpoint endpoint, string pathAndQuery, bool forcePathStyle = false)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var builder = new UriBuilder(endpoint.BaseUri);
        var basePath = endpoint.BaseUri.AbsolutePath.TrimEnd('/');
        var literalHost = IsLiteralHost(endpoint.BaseUri);
        if (!literalHost && HostPrefix(operation, input) is { } prefix)
        {
            builder.Host = prefix + builder.Host;
        }
        if (!literalHost && !forcePathStyle && operation.Service.Metadata.CliName == "s3api" && BucketInHost(operation, input, pathAndQuery) is { } moved)
        {
            builder.Host = moved.Bucket + "." + builder.Host;
            pathAndQuery = moved.Path;
        }
        // The path is already escaped by the serialiser: append it as is (UriBuilder.Path would escape it again).
        return new Uri(builder.Uri.GetLeftPart(UriPartial.Authority) + basePath + pathAndQuery);
    }

    /// <summary>The operation's host prefix with its labels filled in, or null (none, or a label that is missing or not a host label).</summary>
    public static string? HostPrefix(OperationModel operation, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        if (operation.HostPrefix is not { Length: > 0 } template)
        {
            return null;
        }
        var result = template;
        var start = result.IndexOf('{', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = result.IndexOf('}', start);
            if (end < 0)
            {
                return null;
            }
            var member = result[(start + 1)..end];
            if (input[member] is not JsonValue v || !v.TryGetValue<string>(out var value) || !IsHostLabel(value))
            {
                return null;
            }
            result = result[..start] + value + result[(end + 1)..];
            start = result.IndexOf('{', start + value.Length);
        }
        return result;
    }

    /// <summary>
    /// A bucket name that can lead the host name: 3–63 characters, lower-case letters, digits and hyphens, starting and
    /// ending with a letter or digit (no dots: they would break the TLS certificate's wildcard).
    /// </summary>
    public static bool IsVirtualHostable(string bucket) =>
        bucket.Length is >= 3 and <= 63 && IsHostLabel(bucket) && !bucket.Any(char.IsAsciiLetterUpper);

    private static (string Bucket, string Path)? BucketInHost(OperationModel operation, JsonObject input, string pathAndQuery)
    {
        if (!operation.RequestUri.StartsWith("/{Bucket}", StringComparison.Ordinal)
            || input["Bucket"] is not JsonValue v || !v.TryGetValue<string>(out var bucket) || !IsVirtualHostable(bucket))
        {
            return null;
        }
        var prefix = "/" + bucket;
        if (!pathAndQuery.StartsWith(prefix, StringComparison.Ordinal) || (pathAndQuery.Length > prefix.Length && pathAndQuery[prefix.Length] is not ('/' or '?')))
        {
            return null;
        }
        var rest = pathAndQuery[prefix.Length..];
        return (bucket, rest.Length == 0 || rest[0] == '?' ? "/" + rest : rest);
    }

    private static bool IsHostLabel(string value) =>
        value.Length is > 0 and <= 63 && value[0] != '-' && value[^1] != '-' && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsLiteralHost(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback || IPAddress.TryParse(uri.Host, out _);
}
