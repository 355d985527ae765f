using System.Text;
using System.Text.RegularExpressions;
using Crowsnest.Commands.Parse;
using Crowsnest.Messages;
using Crowsnest.Storage;

namespace Crowsnest.Commands.Chat;

/// <summary>What an alias command produced: a reply, or (for <c>run</c>) the command text to run.</summary>
internal sealed record AliasOutcome(ChatMessage? Reply, string? CommandToRun, string AuditDecision, string? AuditReason);

/// <summary>
/// <c>alias create &lt;name&gt; &lt;command with $placeholders&gt;</c>, <c>alias list</c>, <c>alias delete &lt;name&gt;</c> and
/// <c>run &lt;name&gt; &lt;values…&gt;</c> (positional, or <c>--placeholder value</c>), per channel.
/// </summary>
internal sealed partial class AliasCommands(IAliasStore aliases, ICommandParser parser, TimeProvider time)
{
    [GeneratedRegex(@"\$([A-Za-z][A-Za-z0-9_-]*)")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex AliasName();

    [GeneratedRegex(@"^[A-Za-z0-9_./:=@,+\-]+$")]
    private static partial Regex PlainWord();

    public static bool Handles(IReadOnlyList<string> words) => words.Count > 0 && words[0] is "alias" or "run";

    public async Task<AliasOutcome> HandleAsync(string text, IReadOnlyList<string> words, ChatConversationRef conversation, ChatUser user, CancellationToken ct)
    {
        if (words[0] == "run")
        {
            return await RunAsync(words, conversation, ct);
        }
        var verb = words.Count > 1 ? words[1] : "";
        switch (verb)
        {
            case "list":
                var all = await aliases.ListAsync(conversation.ChannelKey, ct);
                var list = all.Count == 0 ? "No aliases in this channel yet. Create one with `alias create <name> <command with $placeholders>`."
                    : string.Join("\n", all.Select(a => $"- `{a.Name}`: `{a.Command}`"));
                return new AliasOutcome(ChatReplies.Text("Aliases of this channel", list), null, "alias-list", null);
            case "delete" when words.Count == 3:
                var deleted = await aliases.DeleteAsync(conversation.ChannelKey, words[2], ct);
                return new AliasOutcome(ChatReplies.Text(deleted ? $"Deleted the alias {words[2]}" : $"There is no alias {words[2]} in this channel"), null,
                    deleted ? "alias-deleted" : "alias-missing", null);
            case "create" when words.Count >= 4:
                return await CreateAsync(text, words, conversation, user, ct);
            default:
                return Usage("Usage: `alias create <name> <command with $placeholders>`, `alias list`, `alias delete <name>`, `run <name> <values…>`.");
        }
    }

    private async Task<AliasOutcome> CreateAsync(string text, IReadOnlyList<string> words, ChatConversationRef conversation, ChatUser user, CancellationToken ct)
    {
        var name = words[2];
        if (!AliasName().IsMatch(name))
        {
            return Usage($"`{name}` is not a valid alias name: letters, digits, - and _, at most 64.");
        }
        // The command is the text after the name, exactly as typed (quotes and $placeholders kept).
        var at = text.IndexOf(name, text.IndexOf("create", StringComparison.Ordinal) + 6, StringComparison.Ordinal) + name.Length;
        var command = text[at..].Trim();
        if (command.StartsWith("aws ", StringComparison.Ordinal))
        {
            command = command[4..].TrimStart();
        }
        if (parser.Parse(string.Join(' ', words.Skip(3).Take(2))) is ParseResult.Invalid invalid && invalid.Message.StartsWith("Unknown", StringComparison.Ordinal))
        {
            return new AliasOutcome(ChatReplies.Invalid(invalid.Message, invalid.Hints), null, "alias-invalid", invalid.Message);
        }
        await aliases.PutAsync(new CommandAlias(conversation.ChannelKey, name, command, user.Id, time.GetUtcNow()), ct);
        var placeholders = Placeholders(command);
        var usage = $"run {name}" + string.Concat(placeholders.Select(p => $" <{p}>"));
        return new AliasOutcome(ChatReplies.Text($"Created the alias {name}", $"`{command}`\nRun it with `{usage}`."), null, "alias-created", null);
    }

    private async Task<AliasOutcome> RunAsync(IReadOnlyList<string> words, ChatConversationRef conversation, CancellationToken ct)
    {
        if (words.Count < 2)
        {
            return Usage("Usage: `run <alias> <values…>` or `run <alias> --<placeholder> <value>`.");
        }
        var alias = await aliases.GetAsync(conversation.ChannelKey, words[1], ct);
        if (alias is null)
        {
            return Usage($"There is no alias `{words[1]}` in this channel (`alias list` shows them).");
        }
        var placeholders = Placeholders(alias.Command);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 2; i < words.Count; i++)
        {
            if (CommandParser.IsOption(words[i]) && i + 1 < words.Count && placeholders.Contains(CommandParser.OptionName(words[i]), StringComparer.OrdinalIgnoreCase))
            {
                values[placeholders.First(p => string.Equals(p, CommandParser.OptionName(words[i]), StringComparison.OrdinalIgnoreCase))] = words[++i];
            }
            else
            {
                positional.Add(words[i]);
            }
        }
        var open = placeholders.Where(p => !values.ContainsKey(p)).ToList();
        if (positional.Count > open.Count)
        {
            return Usage($"The alias `{alias.Name}` takes {placeholders.Count} value(s) ({string.Join(", ", placeholders.Select(p => "$" + p))}); {positional.Count} extra were given.");
        }
        for (var i = 0; i < positional.Count; i++)
        {
            values[open[i]] = positional[i];
        }
        var missing = placeholders.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            return Usage($"The alias `{alias.Name}` needs a value for {string.Join(", ", missing.Select(p => "$" + p))}: `run {alias.Name}{string.Concat(placeholders.Select(p => $" <{p}>"))}`.");
        }
        var expanded = Placeholder().Replace(alias.Command, m => Quote(values[m.Groups[1].Value]));
        return new AliasOutcome(null, expanded, "alias-run", null);
    }

    private static List<string> Placeholders(string command) => [.. Placeholder().Matches(command).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    private static string Quote(string value)
    {
        if (PlainWord().IsMatch(value))
        {
            return value;
        }
        var sb = new StringBuilder("'");
        sb.Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
        return sb.ToString();
    }

    private static AliasOutcome Usage(string text) => new(ChatReplies.Text("Aliases", text, Severity.Low), null, "alias-invalid", text);
}
