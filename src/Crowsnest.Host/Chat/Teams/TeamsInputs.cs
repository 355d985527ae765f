using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crowsnest.Commands.Chat;

namespace Crowsnest.Host.Chat.Teams;

/// <summary>
/// Turns Teams activities into chat inputs: a message that mentions the bot (mention removed) into a
/// <see cref="ChatCommandInput"/>; an Adaptive Card <c>Action.Submit</c> (a message with <c>value</c>) or an
/// <c>adaptiveCard/action</c> invoke into a <see cref="ChatActionInput"/>.
/// </summary>
internal static partial class TeamsInputs
{
    /// <summary>
    /// Where the activity was written. In a channel, <c>ChannelId</c> is the Teams channel id and <c>ThreadId</c> the
    /// thread's root message (from <c>conversation.id</c>'s <c>;messageid=</c>, or the activity itself when it starts
    /// one); in a chat, <c>ChannelId</c> is the conversation id.
    /// </summary>
    public static ChatConversationRef Conversation(TeamsActivity a)
    {
        var conversation = a.ConversationId ?? "";
        var cut = conversation.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        var baseId = cut < 0 ? conversation : conversation[..cut];
        var root = cut < 0 ? null : conversation[(cut + ";messageid=".Length)..];
        var channel = a.TeamsChannelId ?? baseId;
        return new ChatConversationRef("teams", a.TenantId ?? "", channel, root ?? a.Id, a.ServiceUrl);
    }

    public static ChatCommandInput? Command(TeamsActivity a, DateTimeOffset now)
    {
        if (a.Type != "message" || a.Value.ValueKind == JsonValueKind.Object || string.IsNullOrWhiteSpace(a.Text))
        {
            return null;
        }
        var text = a.Text;
        foreach (var mention in a.BotMentions)
        {
            text = text.Replace(mention, " ", StringComparison.Ordinal);
        }
        // Any mention markup left (another user named in the command) becomes its plain name.
        text = WebUtility.HtmlDecode(Tags().Replace(text, "")).Replace('\u00a0', ' ').Trim();
        return text.Length == 0 ? null : new ChatCommandInput(Conversation(a), User(a), text, a.Id ?? "", a.Id ?? "", now);
    }

    public static ChatActionInput? Action(TeamsActivity a, DateTimeOffset now)
    {
        var data = a.Type switch
        {
            "message" when a.Value.ValueKind == JsonValueKind.Object => a.Value,
            "invoke" when a.Name == "adaptiveCard/action" && a.Value.ValueKind == JsonValueKind.Object
                && a.Value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
                && action.TryGetProperty("data", out var d) => d,
            _ => default,
        };
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("actionId", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var value = data.TryGetProperty("value", out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
        // The card's own message is what the submit came from (Teams sets replyToId to it).
        return new ChatActionInput(Conversation(a), User(a), id.GetString()!, value, a.ReplyToId ?? a.Id, a.Id ?? "", now);
    }

    private static ChatUser User(TeamsActivity a) => new(a.FromAadObjectId ?? a.FromId ?? "", a.FromName);

    [GeneratedRegex("<[^>]{0,200}>")]
    private static partial Regex Tags();
}
