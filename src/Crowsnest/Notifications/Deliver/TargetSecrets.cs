using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Notifications.Deliver;

/// <summary>Keeps a target's secrets (webhook URLs, signing secrets, tokens) out of any text that may be logged.</summary>
public static class TargetSecrets
{
    /// <summary>Replaces every secret of <paramref name="target"/> (and <paramref name="extra"/>) in <paramref name="text"/> with <c>***</c>.</summary>
    public static string Redact(this ChatTarget target, string text, params string?[] extra)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        foreach (var secret in target.Secrets().Concat(extra.OfType<string>()).SelectMany(Parts).OrderByDescending(s => s.Length))
        {
            result = result.Replace(secret, "***", StringComparison.Ordinal);
        }
        return result;
    }

    private static IEnumerable<string> Parts(string secret)
    {
        if (secret.Length == 0)
        {
            yield break;
        }
        yield return secret;
        // The credential part of a webhook URL is its path and query; an error may quote them alone.
        if (Uri.TryCreate(secret, UriKind.Absolute, out var uri))
        {
            if (uri.PathAndQuery.Length > 1)
            {
                yield return uri.PathAndQuery;
            }
            if (uri.AbsolutePath.Length > 1)
            {
                yield return uri.AbsolutePath;
            }
            if (uri.Query.Length > 1)
            {
                yield return uri.Query[1..];
            }
        }
    }
}
