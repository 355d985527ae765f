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

        // Five ranges after "arn:": the last takes the rest, colons included (arn:aws:logs:r:a:log-group:name).
        var rest = text.AsSpan(4);
        Span<Range> parts = stackalloc Range[5];
        if (rest.Split(parts, ':') < 5)
        {
            return null;
        }

        return new Arn(Part(rest, parts[0]), Part(rest, parts[1]), Part(rest, parts[2]), Part(rest, parts[3]), Part(rest, parts[4]));
    }

    private static string Part(ReadOnlySpan<char> text, Range range) => text[range].Trim().ToString();

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
