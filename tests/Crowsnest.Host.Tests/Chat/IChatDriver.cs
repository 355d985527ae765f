using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// A chat platform as its users see it, so that one scenario runs over every transport (Slack Events API, Slack
/// Socket Mode, Teams): ask in a new thread, answer in a thread, read the bot's replies, press a button.
/// </summary>
public interface IChatDriver
{
    /// <summary>The requester, as Crowsnest names the user (Slack user id, Teams AAD object id).</summary>
    string Alice { get; }

    /// <summary>Someone else in the same channel.</summary>
    string Bob { get; }

    /// <summary>Where per-channel state (aliases) is kept and what the audit names as the channel, e.g. <c>slack:T1:C1</c>.</summary>
    string ChannelKey { get; }

    /// <summary>How the audit names a user, e.g. <c>slack:T1:U1</c>.</summary>
    string Actor(string user);

    /// <summary>A message that addresses the bot and starts a thread; returns the thread's id.</summary>
    Task<string> AskAsync(string user, string text);

    /// <summary>A reply in the thread, as the platform delivers one (Slack: no mention; Teams: mentioning the bot).</summary>
    Task AnswerAsync(string user, string thread, string text);

    /// <summary>The bot's posts in the thread (updates are not new posts), once there are at least <paramref name="count"/>.</summary>
    Task<IReadOnlyList<BotReply>> RepliesAsync(string thread, int count);

    /// <summary>Presses a button of <paramref name="reply"/>.</summary>
    Task PressAsync(string user, string thread, BotReply reply, ReplyButton button);

    /// <summary>How often the bot updated <paramref name="reply"/> in place.</summary>
    int EditsOf(BotReply reply);
}

/// <summary>One of the bot's posts: its platform id, every text it shows (markup as sent) and its buttons.</summary>
public sealed record BotReply(string Id, string Text, IReadOnlyList<ReplyButton> Buttons)
{
    /// <summary>The button with this action id (Slack's <c>#n</c> de-duplication suffix ignored).</summary>
    public ReplyButton Button(string actionId) =>
        Buttons.FirstOrDefault(b => b.ActionId == actionId) ?? throw new Xunit.Sdk.XunitException($"no {actionId} button in: {Text}");

    /// <summary>The text of every string in the platform's JSON (blocks, attachments, card), unescaped.</summary>
    public static string TextOf(params string?[] json)
    {
        var text = new StringBuilder();
        foreach (var part in json)
        {
            if (part is null)
            {
                continue;
            }
            var trimmed = part.TrimStart();
            if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            {
                Strings(JsonNode.Parse(part), text);
            }
            else
            {
                text.Append(part).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>Slack buttons (<c>action_id</c>, <c>value</c>) and Adaptive Card actions (<c>data.actionId</c>, <c>data.value</c>).</summary>
    public static List<ReplyButton> ButtonsOf(params string?[] json)
    {
        var buttons = new List<ReplyButton>();
        foreach (var part in json)
        {
            if (part is not null && part.TrimStart() is ['{' or '[', ..])
            {
                Collect(JsonNode.Parse(part), buttons);
            }
        }
        return buttons;
    }

    private static void Strings(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Strings(child, text);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Strings(child, text);
                }
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                text.Append(s).Append('\n');
                break;
        }
    }

    private static void Collect(JsonNode? node, List<ReplyButton> buttons)
    {
        if (node is JsonObject o)
        {
            if ((string?)o["type"] == "button" && o["action_id"] is not null)
            {
                var id = (string)o["action_id"]!;
                var hash = id.LastIndexOf('#');
                buttons.Add(new ReplyButton((string?)o["text"]?["text"] ?? "", hash > 0 ? id[..hash] : id, (string?)o["value"] ?? ""));
            }
            else if ((string?)o["type"] is "Action.Submit" or "Action.Execute" && o["data"]?["actionId"] is not null)
            {
                buttons.Add(new ReplyButton((string?)o["title"] ?? "", (string)o["data"]!["actionId"]!, (string?)o["data"]!["value"] ?? ""));
            }
            foreach (var (_, child) in o)
            {
                Collect(child, buttons);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                Collect(child, buttons);
            }
        }
    }
}

/// <summary>A button as the user sees it: its label, and what pressing it sends.</summary>
public sealed record ReplyButton(string Label, string ActionId, string Value);
