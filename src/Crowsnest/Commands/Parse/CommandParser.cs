using Crowsnest.Aws.Models;

namespace Crowsnest.Commands.Parse;

/// <summary>
/// Parses <c>&lt;service&gt; &lt;operation&gt; [options]</c> in AWS CLI (v1) syntax against the service models.
/// Options may start with <c>-</c>, <c>--</c>, an en dash or an em dash. Nothing is ever loaded from files or URLs.
/// </summary>
public sealed class CommandParser(ServiceCatalog catalog) : ICommandParser
{
    public ParseResult Parse(string text)
    {
        var words = CommandTokenizer.Tokenize(text, out var tokenError);
        return words is null ? new ParseResult.Invalid(tokenError!, []) : Parse(words);
    }

    /// <summary>Parses words a shell has already split (the admin CLI).</summary>
    public ParseResult Parse(IReadOnlyList<string> words)
    {
        var start = words.Count > 0 && words[0] is "aws" or "@aws" ? 1 : 0;
        if (words.Count <= start || words[start] is "help" || IsOption(words[start]) && OptionName(words[start]) == "help")
        {
            return new ParseResult.Help(HelpText.Usage(catalog));
        }
        var serviceName = words[start].ToLowerInvariant();
        if (serviceName == "s3")
        {
            return new ParseResult.Invalid(
                "The high-level `s3` commands (ls, cp, sync, ...) are not available in chat.", ["Use `s3api`, e.g. `s3api list-objects-v2 --bucket NAME`."]);
        }
        var service = catalog.Find(serviceName);
        if (service is null)
        {
            return Unknown("service", words[start], catalog.ServiceNames);
        }
        if (words.Count <= start + 1 || words[start + 1] == "help" || IsOption(words[start + 1]) && OptionName(words[start + 1]) == "help")
        {
            return new ParseResult.Help(HelpText.Service(service));
        }
        var operation = service.FindByCliName(words[start + 1].ToLowerInvariant());
        if (operation is null)
        {
            return Unknown($"{serviceName} operation", words[start + 1], service.CliOperationNames);
        }
        return new OptionReader(operation, words, start + 2).Read();
    }

    internal static bool IsOption(string word)
    {
        var name = word.AsSpan().TrimStart("-\u2013\u2014");
        return name.Length < word.Length && name.Length > 0 && char.IsLetter(name[0]);
    }

    internal static string OptionName(string word) => word.TrimStart('-', '\u2013', '\u2014').ToLowerInvariant();

    private static ParseResult.Invalid Unknown(string what, string word, IEnumerable<string> candidates)
    {
        var near = CliNames.Nearest(word.ToLowerInvariant(), candidates);
        return new ParseResult.Invalid(
            $"Unknown {what} '{word}'.",
            near.Count > 0 ? [$"Did you mean {CliNames.Join([.. near.Select(n => $"`{n}`")])}?"] : []);
    }
}
