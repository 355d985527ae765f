namespace Crowsnest.Iam.Conditions;

internal sealed partial class CompiledCondition
{
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
