using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.Commands.Parse;

/// <summary>
/// The AWS CLI's shorthand syntax (<c>Name=x,Values=a,b</c>, <c>[...]</c> lists, <c>{...}</c> hashes, quoted values),
/// as awscli's shorthand.py parses it. Produces untyped strings, lists and objects; <see cref="ValueBinder"/> applies the model.
/// </summary>
public sealed class ShorthandParser
{
    private const string KeyChars = "-_.#/:";
    private readonly string _input;
    private int _index;

    private ShorthandParser(string input) => _input = input;

    /// <summary>Parses one shorthand value, or returns null with an error that points at the bad character.</summary>
    public static JsonObject? Parse(string input, out string? error)
    {
        var parser = new ShorthandParser(input);
        try
        {
            error = null;
            return parser.Parameter();
        }
        catch (ShorthandException e)
        {
            error = e.Message;
            return null;
        }
    }

    private JsonObject Parameter()
    {
        var result = new JsonObject();
        KeyVal(result);
        while (!AtEnd)
        {
            Expect(',');
            KeyVal(result);
        }
        return result;
    }

    private void KeyVal(JsonObject into)
    {
        SkipSpace();
        var start = _index;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || KeyChars.Contains(Current, StringComparison.Ordinal)))
        {
            _index++;
        }
        var key = _input[start.._index];
        if (key.Length == 0)
        {
            throw Error("expected a key");
        }
        SkipSpace();
        if (!AtEnd && Current == '@' && _index + 1 < _input.Length && _input[_index + 1] == '=')
        {
            throw new ShorthandException($"'{key}@=' loads a value from a file, which Crowsnest never does from chat.");
        }
        Expect('=');
        SkipSpace();
        if (into.ContainsKey(key))
        {
            throw new ShorthandException($"Second instance of key \"{key}\" in the shorthand value.");
        }
        into[key] = Values(',');
    }

    private JsonNode Values(char stop)
    {
        if (AtEnd)
        {
            return JsonValue.Create("")!;
        }
        return Current switch
        {
            '[' => ExplicitList(),
            '{' => Hash(),
            _ => CsvValue(stop),
        };
    }

    private JsonNode CsvValue(char stop)
    {
        var first = Scalar(stop, allowEquals: true);
        SkipSpace();
        if (AtEnd || Current != ',')
        {
            return JsonValue.Create(first)!;
        }
        var list = new JsonArray(JsonValue.Create(first));
        while (!AtEnd && Current == ',')
        {
            var comma = _index;
            _index++;
            SkipSpace();
            var next = Scalar(stop, allowEquals: false);
            SkipSpace();
            if (!AtEnd && Current == '=' || !AtEnd && Current == '@')
            {
                _index = comma; // "x=" after a comma starts the next key
                break;
            }
            list.Add(JsonValue.Create(next));
        }
        return list.Count == 1 ? JsonValue.Create(first)! : list;
    }

    private JsonArray ExplicitList()
    {
        Expect('[');
        var list = new JsonArray();
        SkipSpace();
        while (!AtEnd && Current != ']')
        {
            list.Add(Current switch
            {
                '[' => ExplicitList(),
                '{' => Hash(),
                _ => JsonValue.Create(Scalar(']', allowEquals: true)),
            });
            SkipSpace();
            if (!AtEnd && Current == ',')
            {
                _index++;
                SkipSpace();
            }
        }
        Expect(']');
        return list;
    }

    private JsonObject Hash()
    {
        Expect('{');
        var result = new JsonObject();
        SkipSpace();
        while (!AtEnd && Current != '}')
        {
            KeyValIn(result);
            SkipSpace();
            if (!AtEnd && Current == ',')
            {
                _index++;
            }
        }
        Expect('}');
        return result;
    }

    private void KeyValIn(JsonObject into)
    {
        SkipSpace();
        var start = _index;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || KeyChars.Contains(Current, StringComparison.Ordinal)))
        {
            _index++;
        }
        var key = _input[start.._index];
        if (key.Length == 0)
        {
            throw Error("expected a key");
        }
        Expect('=');
        SkipSpace();
        into[key] = AtEnd ? JsonValue.Create("") : Current switch
        {
            '[' => ExplicitList(),
            '{' => Hash(),
            _ => JsonValue.Create(Scalar('}', allowEquals: true)),
        };
    }

    // A quoted or bare value; bare values end at ',' or the closing bracket and lose trailing whitespace.
    private string Scalar(char stop, bool allowEquals)
    {
        SkipSpace();
        if (!AtEnd && Current is '\'' or '"')
        {
            return Quoted();
        }
        var sb = new StringBuilder();
        while (!AtEnd && Current != ',' && Current != stop && (allowEquals || Current != '='))
        {
            if (Current == '\\' && _index + 1 < _input.Length && _input[_index + 1] == ',')
            {
                _index++;
            }
            sb.Append(Current);
            _index++;
        }
        return sb.ToString().TrimEnd();
    }

    private string Quoted()
    {
        var quote = Current;
        _index++;
        var sb = new StringBuilder();
        while (!AtEnd && Current != quote)
        {
            if (Current == '\\' && _index + 1 < _input.Length && _input[_index + 1] is '\'' or '"' or '\\')
            {
                _index++;
            }
            sb.Append(Current);
            _index++;
        }
        if (AtEnd)
        {
            throw new ShorthandException($"Unclosed quote ({quote}) in the shorthand value.");
        }
        _index++;
        return sb.ToString();
    }

    private bool AtEnd => _index >= _input.Length;

    private char Current => _input[_index];

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _index++;
        }
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (AtEnd || Current != c)
        {
            throw Error($"expected '{c}'");
        }
        _index++;
    }

    private ShorthandException Error(string what)
    {
        var pointer = AtEnd ? "at the end" : $"at '{_input[_index..Math.Min(_input.Length, _index + 15)]}'";
        return new ShorthandException($"Bad shorthand value \"{_input}\": {what} {pointer}.");
    }

    private sealed class ShorthandException(string message) : Exception(message);
}
