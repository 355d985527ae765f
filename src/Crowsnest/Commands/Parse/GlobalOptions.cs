using System.Collections.Frozen;

namespace Crowsnest.Commands.Parse;

/// <summary>The AWS CLI's global options: the ones Crowsnest honours, ignores, or refuses from chat (and why).</summary>
internal static class GlobalOptions
{
    /// <summary>Options that take one value.</summary>
    public static readonly FrozenSet<string> WithValue = new[] { "region", "query", "output", "max-items", "starting-token", "page-size" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Accepted and without effect in chat (they shape a terminal session, not the call).</summary>
    public static readonly FrozenDictionary<string, bool> Ignored = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["color"] = true,
        ["cli-read-timeout"] = true,
        ["cli-connect-timeout"] = true,
        ["no-cli-pager"] = false,
        ["no-cli-auto-prompt"] = false,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["endpoint-url"] = "--endpoint-url is not accepted from chat: Crowsnest only calls the AWS endpoints its server configuration allows.",
        ["profile"] = "--profile is not accepted from chat: the channel's IAM role decides which credentials run the command.",
        ["debug"] = "--debug is not accepted from chat: it would print request signatures and internal details; an operator can read the server's logs.",
        ["ca-bundle"] = "--ca-bundle is not accepted from chat: TLS trust is the server's configuration.",
        ["no-verify-ssl"] = "--no-verify-ssl is not accepted from chat: TLS is always verified.",
        ["no-sign-request"] = "--no-sign-request is not accepted from chat: every call is signed with the channel's role.",
        ["cli-input-json"] = "--cli-input-json is not accepted from chat: give the parameters as options (JSON values are fine).",
        ["cli-input-yaml"] = "--cli-input-yaml is not accepted from chat: give the parameters as options.",
        ["generate-cli-skeleton"] = "--generate-cli-skeleton is not available in chat: use `<service> <operation> help` to see the parameters.",
        ["profile-name"] = "--profile is not accepted from chat: the channel's IAM role decides which credentials run the command.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> All => WithValue.Concat(Ignored.Keys).Append("no-paginate");
}
