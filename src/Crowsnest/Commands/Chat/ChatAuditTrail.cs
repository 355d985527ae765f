using Crowsnest.Storage;

namespace Crowsnest.Commands.Chat;

/// <summary>
/// Writes the audit entries of chat commands (kind <c>command</c>): who, where, what, the decision with its reason,
/// and the outcome. Always awaited before the reply it explains; a failure to write stops the reply.
/// </summary>
internal sealed class ChatAuditTrail(IAuditLog log, TimeProvider time)
{
    public const string Kind = "command";

    public Task WriteAsync(ChatConversationRef conversation, ChatUser user, string text, string decision, string? reason, string? outcome,
        string? correlationId, string? configurationArn, CancellationToken cancellationToken)
    {
        var details = configurationArn is null ? null : $"{{\"ChatConfigurationArn\":{System.Text.Json.JsonSerializer.Serialize(configurationArn, ChatStateJson.Default.String)}}}";
        return log.AppendAsync(new AuditEntry(0, time.GetUtcNow(), Kind, Actor(conversation, user), conversation.ChannelKey, Clip(text), decision, reason, outcome,
            correlationId, details), cancellationToken);
    }

    public static string Actor(ChatConversationRef conversation, ChatUser user) => $"{conversation.Platform}:{conversation.TenantId}:{user.Id}";

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
