using System.Text.Json;

namespace Crowsnest.Host.Chat.Teams;

/// <summary>The parts of a Bot Framework activity that Crowsnest reads (Teams channel, group chat or personal chat).</summary>
internal sealed record TeamsActivity
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The message this one answers; for a card submission, the card's message.</summary>
    public string? ReplyToId { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public string? FromId { get; init; }

    public string? FromAadObjectId { get; init; }

    public string? FromName { get; init; }

    public string? RecipientId { get; init; }

    public string? ConversationId { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The team's Azure AD group id (<c>channelData.team.aadGroupId</c>), which is what channel configurations name.</summary>
    public string? TeamAadGroupId { get; init; }

    /// <summary>The Teams channel id (<c>channelData.channel.id</c>, <c>19:…@thread.tacv2</c>).</summary>
    public string? TeamsChannelId { get; init; }

    public string? Text { get; init; }

    /// <summary>The <c>text</c> of the mention entities that name the recipient (the bot), e.g. <c>&lt;at&gt;aws&lt;/at&gt;</c>.</summary>
    public IReadOnlyList<string> BotMentions { get; init; } = [];

    /// <summary>A card submission's data (<c>value</c>), detached from the request body.</summary>
    public JsonElement Value { get; init; }

    /// <summary>Reads an activity; null when the body is not a JSON object with a <c>type</c>.</summary>
    public static TeamsActivity? Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var a = document.RootElement;
            if (a.ValueKind != JsonValueKind.Object || Str(a, "type") is not { } type)
            {
                return null;
            }
            var recipient = Str(Obj(a, "recipient"), "id");
            var channelData = Obj(a, "channelData");
            return new TeamsActivity
            {
                Type = type,
                Id = Str(a, "id"),
                Name = Str(a, "name"),
                ReplyToId = Str(a, "replyToId"),
                ServiceUrl = Str(a, "serviceUrl"),
                ChannelId = Str(a, "channelId"),
                FromId = Str(Obj(a, "from"), "id"),
                FromAadObjectId = Str(Obj(a, "from"), "aadObjectId"),
                FromName = Str(Obj(a, "from"), "name"),
                RecipientId = recipient,
                ConversationId = Str(Obj(a, "conversation"), "id"),
                ConversationType = Str(Obj(a, "conversation"), "conversationType"),
                TenantId = Str(Obj(channelData, "tenant"), "id") ?? Str(Obj(a, "conversation"), "tenantId"),
                TeamAadGroupId = Str(Obj(channelData, "team"), "aadGroupId"),
                TeamsChannelId = Str(Obj(channelData, "channel"), "id"),
                Text = Str(a, "text"),
                BotMentions = Mentions(a, recipient),
                Value = a.TryGetProperty("value", out var value) ? value.Clone() : default,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> Mentions(JsonElement activity, string? recipient)
    {
        var found = new List<string>();
        if (!activity.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
        {
            return found;
        }
        foreach (var e in entities.EnumerateArray().Take(50))
        {
            if (Str(e, "type") == "mention" && Str(Obj(e, "mentioned"), "id") == recipient && Str(e, "text") is { Length: > 0 } text)
            {
                found.Add(text);
            }
        }
        return found;
    }

    private static JsonElement Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
