using System.Net;
using Crowsnest.Iam.Matching;

namespace Crowsnest.Iam.Conditions;

/// <summary>
/// One condition key under one operator, compiled. Missing keys, IfExists, set prefixes and negation follow the IAM
/// user guide: positive operators are false on a missing key, negated ones true; ForAllValues passes an empty set,
/// ForAnyValue fails it; several policy values are OR-ed (for negated operators: none may match).
/// </summary>
internal sealed partial class CompiledCondition
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
}
