using System.Globalization;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Commands.Parse;

/// <summary>Reads the options after <c>&lt;service&gt; &lt;operation&gt;</c> into an <see cref="AwsCall"/>.</summary>
internal sealed class OptionReader(OperationModel operation, IReadOnlyList<string> words, int start)
{
    private readonly ArgumentTable _table = ArgumentTable.For(operation);
    private readonly JsonObject _input = [];
    private string? _region;
    private OutputOptions _output = new();
    private bool _usedApiPaginationArgument;
    private bool _noPaginate;

    public ParseResult Read()
    {
        var i = start;
        while (i < words.Count)
        {
            var word = words[i];
            if (word == "help")
            {
                return new ParseResult.Help(HelpText.Operation(operation));
            }
            if (!CommandParser.IsOption(word))
            {
                return Invalid($"Unknown options: {word}", []);
            }
            var name = CommandParser.OptionName(word);
            var values = new List<string>();
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values.Add(word[(word.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                name = name[..equals];
            }
            i++;
            while (i < words.Count && !CommandParser.IsOption(words[i]))
            {
                values.Add(words[i++]);
            }
            var outcome = Apply(name, word, values);
            if (outcome is not null)
            {
                return outcome;
            }
        }
        if (_noPaginate && (_output.MaxItems is not null || _output.StartingToken is not null || _output.PageSize is not null))
        {
            return Invalid("--no-paginate cannot be combined with --max-items, --starting-token or --page-size.", []);
        }
        var paginate = operation.Paginator is not null && !_noPaginate && !_usedApiPaginationArgument;
        var missing = _table.Arguments.Values
            .Where(a => a.Required && a.FlagValue is not false && !_input.ContainsKey(a.Member))
            .Select(a => "--" + a.CliName)
            .ToList();
        return new ParseResult.Parsed(new AwsCall(operation, _input, _region, _output with { Paginate = paginate }) { MissingRequired = missing });
    }

    private ParseResult? Apply(string name, string word, List<string> values)
    {
        if (name == "help")
        {
            return new ParseResult.Help(HelpText.Operation(operation));
        }
        if (GlobalOptions.Refused.TryGetValue(name, out var reason))
        {
            return Invalid(reason, []);
        }
        if (GlobalOptions.Ignored.TryGetValue(name, out var takesValue))
        {
            return values.Count == (takesValue ? 1 : 0) ? null : Invalid($"{word} expects {(takesValue ? "one value" : "no value")}.", []);
        }
        if (name == "no-paginate")
        {
            _noPaginate = true;
            return values.Count == 0 ? null : Invalid($"Unknown options: {values[0]}", []);
        }
        if (GlobalOptions.WithValue.Contains(name) && !_table.Arguments.ContainsKey(name))
        {
            return ApplyGlobal(name, word, values);
        }
        if (!_table.Arguments.TryGetValue(name, out var argument))
        {
            var near = CliNames.Nearest(name, _table.Arguments.Keys.Concat(GlobalOptions.All));
            return Invalid(
                $"Unknown option '{word}' for `{operation.Service.Metadata.CliName} {operation.CliName}`.",
                near.Count > 0 ? [$"Did you mean {CliNames.Join([.. near.Select(n => $"`--{n}`")])}?"] : []);
        }
        _usedApiPaginationArgument |= argument.HiddenPaginationArgument;
        if (argument.FlagValue is { } flag)
        {
            if (values.Count > 0)
            {
                return Invalid($"{word} is a flag and takes no value; unexpected '{values[0]}'.", [$"Use --{argument.CliName} or its negation alone."]);
            }
            _input[argument.Member] = flag;
            return null;
        }
        foreach (var v in values)
        {
            if (ParamFileRefusal(argument, v) is { } refusal)
            {
                return Invalid(refusal, []);
            }
        }
        var bound = ArgumentBinder.Bind(argument, values, out var error);
        if (error is not null)
        {
            return Invalid(error, [$"See `{operation.Service.Metadata.CliName} {operation.CliName} help`."]);
        }
        _input[argument.Member] = bound;
        return null;
    }

    private ParseResult? ApplyGlobal(string name, string word, List<string> values)
    {
        if (values.Count != 1)
        {
            return Invalid(values.Count == 0 ? $"{word} expects a value." : $"Unknown options: {values[1]}", []);
        }
        var value = values[0];
        var pagination = name is "max-items" or "starting-token" or "page-size";
        if (pagination && (operation.Paginator is null || name == "page-size" && operation.Paginator.LimitKey is null))
        {
            return Invalid($"Unknown option '{word}': `{operation.Service.Metadata.CliName} {operation.CliName}` does not paginate.", []);
        }
        switch (name)
        {
            case "region":
                if (!System.Text.RegularExpressions.Regex.IsMatch(value, "^[a-z]{2}(-[a-z]+)+-\\d{1,2}$"))
                {
                    return Invalid($"'{value}' is not an AWS region name (like us-east-1).", []);
                }
                _region = value;
                break;
            case "query":
                if (!OutputQuery.TryCompile(value, out var queryError))
                {
                    return Invalid($"Bad --query expression: {queryError}", []);
                }
                _output = _output with { Query = value };
                break;
            case "output":
                if (!Enum.TryParse<OutputFormat>(value, ignoreCase: true, out var format) || value.Any(char.IsDigit))
                {
                    return Invalid($"--output must be json, text or table, not '{value}'.", []);
                }
                _output = _output with { Format = format };
                break;
            case "starting-token":
                _output = _output with { StartingToken = value };
                break;
            default:
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0)
                {
                    return Invalid($"{word} must be a positive whole number, not '{value}'.", []);
                }
                _output = name == "max-items" ? _output with { MaxItems = n } : _output with { PageSize = n };
                break;
        }
        return null;
    }

    private static string? ParamFileRefusal(Argument argument, string value)
    {
        var v = value.TrimStart();
        if (v.StartsWith("file://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("fileb://", StringComparison.OrdinalIgnoreCase))
        {
            return $"--{argument.CliName}: Crowsnest never reads local files from chat ({v.Split("//")[0]}//); paste the value itself.";
        }
        var urlValued = argument.Member.Contains("url", StringComparison.OrdinalIgnoreCase)
            || argument.Member.Contains("uri", StringComparison.OrdinalIgnoreCase)
            || argument.Member.Contains("endpoint", StringComparison.OrdinalIgnoreCase);
        if (!urlValued && (v.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return $"--{argument.CliName}: Crowsnest does not load parameter values from URLs; paste the value itself.";
        }
        return null;
    }

    private static ParseResult.Invalid Invalid(string message, IReadOnlyList<string> hints) => new(message, hints);
}
