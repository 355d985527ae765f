using System.Net;
using Crowsnest.Iam.Matching;

namespace Crowsnest.Iam.Conditions;

/// <summary>
/// One condition key under one operator, compiled. Missing keys, IfExists, set prefixes and negation follow the IAM
/// user guide: positive operators are false on a missing key, negated ones true; ForAllValues passes an empty set,
/// ForAnyValue fails it; several policy values are OR-ed (for negated operators: none may match).
/// </summary>
internal sealed class CompiledCondition
{
    private readonly ConditionFamily _family;
    private readonly bool _negated;
    private readonly Pattern[] _strings = [];
    private readonly ArnPattern[] _arns = [];
    private readonly decimal[] _numbers = [];
    private readonly DateTimeOffset[] _dates = [];
    private readonly IPNetwork[] _networks = [];
    private readonly bool[] _booleans = [];
    private readonly StringComparison _comparison;

    public CompiledCondition(PolicyCondition source, bool variables)
    {
        Source = source;
        _family = ConditionOperators.FamilyOf(source.Operator);
        _negated = ConditionOperators.IsNegated(source.Operator);
        var values = source.Values;
        switch (_family)
        {
            case ConditionFamily.String:
                var like = source.Operator is ConditionOperator.StringLike or ConditionOperator.StringNotLike;
                _comparison = source.Operator is ConditionOperator.StringEqualsIgnoreCase or ConditionOperator.StringNotEqualsIgnoreCase
                    ? StringComparison.OrdinalIgnoreCase
                    : StringComparison.Ordinal;
                _strings = [.. values.Select(v => Pattern.Compile(v, like, variables))];
                break;
            case ConditionFamily.Binary:
                _comparison = StringComparison.Ordinal;
                _strings = [.. values.Select(v => Pattern.Compile(v, wildcards: false, variables: false))];
                break;
            case ConditionFamily.Arn:
                _arns = [.. values.Select(v => ArnPattern.Compile(v, variables))];
                break;
            case ConditionFamily.Numeric:
                _numbers = [.. values.Select(v => ConditionValueParsers.TryNumber(v, out var n) ? n : decimal.MinValue)];
                break;
            case ConditionFamily.Date:
                _dates = [.. values.Select(v => ConditionValueParsers.TryDate(v, out var d) ? d : DateTimeOffset.MinValue)];
                break;
            case ConditionFamily.Ip:
                _networks = [.. values.Select(v => ConditionValueParsers.TryNetwork(v, out var n) ? n : default)];
                break;
            case ConditionFamily.Bool:
            case ConditionFamily.Null:
                _booleans = [.. values.Select(v => ConditionValueParsers.TryBool(v, out var b) && b)];
                break;
        }
    }

    public PolicyCondition Source { get; }

    public bool Evaluate(RequestContext context)
    {
        var present = context.TryGet(Source.Key, out var value);
        if (_family == ConditionFamily.Null)
        {
            foreach (var wantsAbsent in _booleans)
            {
                if (wantsAbsent != present)
                {
                    return true;
                }
            }
            return false;
        }
        if (!present)
        {
            return Source.IfExists || Source.Qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => false,
                _ => _negated,
            };
        }
        switch (Source.Qualifier)
        {
            case SetQualifier.ForAllValues:
                for (var i = 0; i < value!.Count; i++)
                {
                    if (MatchesAnyValue(value, i, context) == _negated)
                    {
                        return false;
                    }
                }
                return true;
            case SetQualifier.ForAnyValue:
                for (var i = 0; i < value!.Count; i++)
                {
                    if (MatchesAnyValue(value, i, context) != _negated)
                    {
                        return true;
                    }
                }
                return false;
            default:
                var any = false;
                for (var i = 0; i < value!.Count && !any; i++)
                {
                    any = MatchesAnyValue(value, i, context);
                }
                return any != _negated;
        }
    }

    /// <summary>The positive form of the operator: does request value <paramref name="i"/> match any policy value?</summary>
    private bool MatchesAnyValue(ContextValue value, int i, RequestContext context)
    {
        switch (_family)
        {
            case ConditionFamily.String:
            case ConditionFamily.Binary:
                var text = value.Values[i];
                foreach (var pattern in _strings)
                {
                    if (pattern.Matches(text, _comparison, context))
                    {
                        return true;
                    }
                }
                return false;
            case ConditionFamily.Arn:
                var arn = value.Values[i];
                foreach (var pattern in _arns)
                {
                    if (pattern.Matches(arn, context))
                    {
                        return true;
                    }
                }
                return false;
            case ConditionFamily.Bool:
                if (!ConditionValueParsers.TryBool(value.Values[i], out var actual))
                {
                    return false;
                }
                return Array.IndexOf(_booleans, actual) >= 0;
            case ConditionFamily.Numeric:
                if (value.Number(i) is not { } number)
                {
                    return false;
                }
                foreach (var n in _numbers)
                {
                    if (Compare(number.CompareTo(n)))
                    {
                        return true;
                    }
                }
                return false;
            case ConditionFamily.Date:
                if (value.Date(i) is not { } date)
                {
                    return false;
                }
                foreach (var d in _dates)
                {
                    if (Compare(date.CompareTo(d)))
                    {
                        return true;
                    }
                }
                return false;
            case ConditionFamily.Ip:
                if (value.Address(i) is not { } address)
                {
                    return false;
                }
                foreach (var n in _networks)
                {
                    if (n.Contains(address))
                    {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private bool Compare(int order) => Source.Operator switch
    {
        ConditionOperator.NumericEquals or ConditionOperator.NumericNotEquals
            or ConditionOperator.DateEquals or ConditionOperator.DateNotEquals => order == 0,
        ConditionOperator.NumericLessThan or ConditionOperator.DateLessThan => order < 0,
        ConditionOperator.NumericLessThanEquals or ConditionOperator.DateLessThanEquals => order <= 0,
        ConditionOperator.NumericGreaterThan or ConditionOperator.DateGreaterThan => order > 0,
        ConditionOperator.NumericGreaterThanEquals or ConditionOperator.DateGreaterThanEquals => order >= 0,
        _ => false,
    };
}
