using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crowsnest.Configuration.Filters;

/// <summary>One value of an event pattern's array: a literal or a content filter.</summary>
internal sealed class ValueMatcher
{
    private readonly Func<JsonElement, bool> _matches;

    private ValueMatcher(Func<JsonElement, bool> matches, bool matchesAbsent = false)
    {
        _matches = matches;
        MatchesAbsent = matchesAbsent;
    }

    /// <summary>True for <c>{"exists": false}</c> and <c>anything-but</c>, which match a missing field.</summary>
    public bool MatchesAbsent { get; }

    public bool Matches(JsonElement value) => _matches(value);

    public static ValueMatcher Compile(JsonElement spec)
    {
        if (spec.ValueKind != JsonValueKind.Object)
        {
            return Literal(spec);
        }
        var properties = spec.EnumerateObject().ToList();
        if (properties.Count != 1)
        {
            throw new FormatException("an event pattern filter object must have exactly one operator");
        }
        var (op, arg) = (properties[0].Name, properties[0].Value);
        return op switch
        {
            "prefix" => StringTest(arg, op, (v, a) => v.StartsWith(a, StringComparison.Ordinal)),
            "suffix" => StringTest(arg, op, (v, a) => v.EndsWith(a, StringComparison.Ordinal)),
            "equals-ignore-case" => StringTest(arg, op, (v, a) => string.Equals(v, a, StringComparison.OrdinalIgnoreCase)),
            "wildcard" => Wildcard(arg),
            "exists" when arg.ValueKind is JsonValueKind.True => new ValueMatcher(_ => true),
            "exists" when arg.ValueKind is JsonValueKind.False => new ValueMatcher(_ => false, matchesAbsent: true),
            "anything-but" => AnythingBut(arg),
            "numeric" => Numeric(arg),
            _ => throw new FormatException($"the event pattern operator '{op}' is not supported"),
        };
    }

    private static ValueMatcher Literal(JsonElement literal)
    {
        var expected = literal.Clone();
        return new ValueMatcher(v => SameValue(v, expected));
    }

    private static bool SameValue(JsonElement value, JsonElement expected) => (value.ValueKind, expected.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => value.GetString() == expected.GetString(),
        (JsonValueKind.Number, JsonValueKind.Number) => value.GetDouble() == expected.GetDouble(),
        (JsonValueKind.True, JsonValueKind.True) or (JsonValueKind.False, JsonValueKind.False) or (JsonValueKind.Null, JsonValueKind.Null) => true,
        _ => false,
    };

    private static ValueMatcher StringTest(JsonElement arg, string op, Func<string, string, bool> test)
    {
        if (arg.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"the event pattern operator '{op}' needs a string");
        }
        var expected = arg.GetString()!;
        return new ValueMatcher(v => v.ValueKind == JsonValueKind.String && test(v.GetString()!, expected));
    }

    private static ValueMatcher Wildcard(JsonElement arg)
    {
        if (arg.ValueKind != JsonValueKind.String)
        {
            throw new FormatException("the event pattern operator 'wildcard' needs a string");
        }
        var regex = new Regex("^" + Regex.Escape(arg.GetString()!).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        return new ValueMatcher(v => v.ValueKind == JsonValueKind.String && regex.IsMatch(v.GetString()!));
    }

    private static ValueMatcher AnythingBut(JsonElement arg)
    {
        if (arg.ValueKind == JsonValueKind.Object)
        {
            var inner = Compile(arg);
            return new ValueMatcher(v => !inner.Matches(v), matchesAbsent: true);
        }
        var excluded = arg.ValueKind == JsonValueKind.Array ? [.. arg.EnumerateArray().Select(e => e.Clone())] : new[] { arg.Clone() };
        return new ValueMatcher(v => !excluded.Any(e => SameValue(v, e)), matchesAbsent: true);
    }

    private static ValueMatcher Numeric(JsonElement arg)
    {
        if (arg.ValueKind != JsonValueKind.Array || arg.GetArrayLength() % 2 != 0 || arg.GetArrayLength() == 0)
        {
            throw new FormatException("the event pattern operator 'numeric' needs pairs of comparison and number");
        }
        var items = arg.EnumerateArray().ToList();
        var tests = new List<Func<double, bool>>();
        for (var i = 0; i < items.Count; i += 2)
        {
            if (items[i + 1].ValueKind != JsonValueKind.Number)
            {
                throw new FormatException("the event pattern operator 'numeric' compares with numbers only");
            }
            var bound = items[i + 1].GetDouble();
            tests.Add(items[i].GetString() switch
            {
                "<" => x => x < bound,
                "<=" => x => x <= bound,
                ">" => x => x > bound,
                ">=" => x => x >= bound,
                "=" => x => x == bound,
                var other => throw new FormatException($"the numeric comparison '{other}' is not supported"),
            });
        }
        return new ValueMatcher(v => v.ValueKind == JsonValueKind.Number && tests.TrueForAll(t => t(v.GetDouble()))
            || v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && tests.TrueForAll(t => t(d)));
    }
}
