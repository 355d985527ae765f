using System.Security.Cryptography;
using System.Text;

namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// Where a chat message goes: the platform kind, the ids that name the channel, and the secrets needed to post
/// there. <see cref="ToString"/> and <see cref="Redact"/> never reveal a secret (token, webhook URL, signing secret).
/// </summary>
public sealed record ChatTarget
{
    /// <summary>The platform.</summary>
    public required ChatTargetKind Kind { get; init; }

    /// <summary>The workspace: the Slack team id (<c>T…</c>) or the Teams tenant; null where the platform has none.</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>The channel id (Slack <c>C…</c>), or a user-chosen name for webhook targets.</summary>
    public string? ChannelId { get; init; }

    /// <summary>A human name for logs and the console (<c>#alerts</c>).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The Slack bot token (<c>xoxb-…</c>). Secret.</summary>
    public string? Token { get; init; }

    /// <summary>The webhook URL of webhook kinds; the URL itself is the credential. Secret.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>The HMAC secret that signs generic webhook calls. Secret.</summary>
    public string? SigningSecret { get; init; }

    /// <summary>The Slack Web API base (default <c>https://slack.com/api/</c>); tests point it at the emulator.</summary>
    public Uri? ApiBaseUrl { get; init; }

    /// <summary>The key of this target's own rate limit (one Slack channel, one webhook). Contains no secret.</summary>
    public string RateLimitKey => Kind switch
    {
        ChatTargetKind.SlackApi => $"slack-api:{WorkspaceId}:{ChannelId}",
        ChatTargetKind.Console => $"console:{ChannelId}",
        _ => $"{Kind.ToWireName()}:{Fingerprint(WebhookUrl ?? ChannelId ?? "")}",
    };

    /// <summary>The key of the shared limit of the workspace (Slack's per-workspace limit), or null.</summary>
    public string? WorkspaceKey => Kind == ChatTargetKind.SlackApi && WorkspaceId is { Length: > 0 } ? $"slack-workspace:{WorkspaceId}" : null;

    /// <summary>Replaces every secret of this target that occurs in <paramref name="text"/> with <c>***</c>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        foreach (var secret in Secrets())
        {
            result = result.Replace(secret, "***", StringComparison.Ordinal);
        }
        return result;
    }

    /// <summary>The kind, workspace, channel and name; never a secret.</summary>
    public override string ToString()
    {
        var where = string.Join('/', new[] { WorkspaceId, ChannelId }.Where(s => !string.IsNullOrEmpty(s)));
        if (where.Length == 0 && WebhookUrl is not null)
        {
            where = Fingerprint(WebhookUrl);
        }
        return DisplayName is null ? $"{Kind.ToWireName()} {where}" : $"{Kind.ToWireName()} {where} ({DisplayName})";
    }

    private IEnumerable<string> Secrets()
    {
        if (!string.IsNullOrEmpty(Token))
        {
            yield return Token;
        }
        if (!string.IsNullOrEmpty(SigningSecret))
        {
            yield return SigningSecret;
        }
        if (!string.IsNullOrEmpty(WebhookUrl))
        {
            yield return WebhookUrl;
            // The credential part of a webhook URL is its path and query; an error may quote them alone.
            if (Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri))
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

    private static string Fingerprint(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 8));
}
