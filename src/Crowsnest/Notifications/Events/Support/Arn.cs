namespace Crowsnest.Notifications.Events.Support;

/// <summary>The parts of an ARN (<c>arn:partition:service:region:account:resource</c>), read tolerantly.</summary>
internal readonly record struct Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    /// <summary>Parses an ARN; spaces after colons (a copy-paste artefact seen in the wild) are ignored.</summary>
    public static Arn? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text.Split(':', 6);
        return parts.Length < 6 ? null : new Arn(parts[1].Trim(), parts[2].Trim(), parts[3].Trim(), parts[4].Trim(), parts[5].Trim());
    }

    /// <summary>The last segment of the resource part (<c>stack/name/id</c> → <c>id</c>).</summary>
    public string ResourceName
    {
        get
        {
            var index = Resource.LastIndexOfAny(['/', ':']);
            return index < 0 ? Resource : Resource[(index + 1)..];
        }
    }
}
