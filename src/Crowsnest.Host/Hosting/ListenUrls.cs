using System.Net;

namespace Crowsnest.Host.Hosting;

/// <summary>Parses the <c>Listen</c> setting: http(s)://host:port, several separated by ';'.</summary>
internal static class ListenUrls
{
    public static IReadOnlyList<string> Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool TryParse(string url, out (IPAddress Address, int Port, bool Https) endpoint, out string problem)
    {
        endpoint = default;
        problem = "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = "is not an http:// or https:// URL.";
            return false;
        }
        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
        {
            problem = "must not have a path.";
            return false;
        }
        IPAddress? address = uri.Host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" or "0.0.0.0" => IPAddress.Any,
            "[::]" => IPAddress.IPv6Any,
            _ => IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : null,
        };
        if (address is null)
        {
            problem = "must name an IP address, localhost or 0.0.0.0.";
            return false;
        }
        endpoint = (address, uri.Port, uri.Scheme == "https");
        return true;
    }
}
