namespace Crowsnest.Notifications.Events.Support;

/// <summary>Region codes, and the display names CloudWatch puts in classic alarm messages.</summary>
internal static class Regions
{
    private static readonly Dictionary<string, string> ByDisplayName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US East (N. Virginia)"] = "us-east-1",
        ["US East (Ohio)"] = "us-east-2",
        ["US West (N. California)"] = "us-west-1",
        ["US West (Oregon)"] = "us-west-2",
        ["US West - Oregon"] = "us-west-2",
        ["US East - N. Virginia"] = "us-east-1",
        ["Africa (Cape Town)"] = "af-south-1",
        ["Asia Pacific (Hong Kong)"] = "ap-east-1",
        ["Asia Pacific (Mumbai)"] = "ap-south-1",
        ["Asia Pacific (Tokyo)"] = "ap-northeast-1",
        ["Asia Pacific (Seoul)"] = "ap-northeast-2",
        ["Asia Pacific (Osaka)"] = "ap-northeast-3",
        ["Asia Pacific (Singapore)"] = "ap-southeast-1",
        ["Asia Pacific (Sydney)"] = "ap-southeast-2",
        ["Asia Pacific (Jakarta)"] = "ap-southeast-3",
        ["Canada (Central)"] = "ca-central-1",
        ["EU (Frankfurt)"] = "eu-central-1",
        ["Europe (Frankfurt)"] = "eu-central-1",
        ["EU (Ireland)"] = "eu-west-1",
        ["Europe (Ireland)"] = "eu-west-1",
        ["EU - Ireland"] = "eu-west-1",
        ["EU (London)"] = "eu-west-2",
        ["Europe (London)"] = "eu-west-2",
        ["EU (Paris)"] = "eu-west-3",
        ["Europe (Paris)"] = "eu-west-3",
        ["EU (Stockholm)"] = "eu-north-1",
        ["Europe (Stockholm)"] = "eu-north-1",
        ["EU (Milan)"] = "eu-south-1",
        ["Europe (Milan)"] = "eu-south-1",
        ["Middle East (Bahrain)"] = "me-south-1",
        ["South America (Sao Paulo)"] = "sa-east-1",
        ["South America (São Paulo)"] = "sa-east-1",
        ["AWS GovCloud (US-West)"] = "us-gov-west-1",
        ["AWS GovCloud (US-East)"] = "us-gov-east-1",
    };

    /// <summary>True for a region code such as <c>eu-west-1</c> or <c>us-gov-east-1</c>.</summary>
    public static bool IsCode(string? value)
    {
        // Hand-written for speed (this runs for every link): letters and dashes, then a final digit after a dash.
        if (value is null || value.Length < 9 || value.Length > 20 || !char.IsAsciiDigit(value[^1]) || value[^2] != '-' || value[2] != '-')
        {
            return false;
        }

        foreach (var c in value.AsSpan(0, value.Length - 2))
        {
            if (!char.IsAsciiLetterLower(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A region code from a code or a display name; null when neither.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return IsCode(trimmed) ? trimmed : ByDisplayName.GetValueOrDefault(trimmed);
    }
}
