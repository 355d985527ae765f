namespace Crowsnest.Iam;

/// <summary>The IAM condition operators Crowsnest evaluates (without set prefix or IfExists suffix).</summary>
public enum ConditionOperator
{
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

/// <summary>The value family an operator compares.</summary>
public enum ConditionFamily
{
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

/// <summary>Facts about each operator: family, negation, and how its name is written.</summary>
public static class ConditionOperators
{
    private static readonly Dictionary<string, ConditionOperator> ByName =
        Enum.GetValues<ConditionOperator>().ToDictionary(o => o.ToString(), o => o, StringComparer.Ordinal);

    /// <summary>Splits an operator name such as <c>ForAnyValue:StringLikeIfExists</c> into its parts.</summary>
    public static bool TryParse(string name, out ConditionOperator op, out SetQualifier qualifier, out bool ifExists)
    {
        qualifier = SetQualifier.None;
        ifExists = false;
        var rest = name;
        if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }
        if (ByName.TryGetValue(rest, out op))
        {
            return true;
        }
        if (rest.EndsWith("IfExists", StringComparison.Ordinal) && ByName.TryGetValue(rest[..^"IfExists".Length], out op) && op != ConditionOperator.Null)
        {
            ifExists = true;
            return true;
        }
        return false;
    }

    /// <summary>The family of values the operator compares.</summary>
    public static ConditionFamily FamilyOf(ConditionOperator op) => op switch
    {
        <= ConditionOperator.StringNotLike => ConditionFamily.String,
        <= ConditionOperator.NumericGreaterThanEquals => ConditionFamily.Numeric,
        <= ConditionOperator.DateGreaterThanEquals => ConditionFamily.Date,
        ConditionOperator.Bool => ConditionFamily.Bool,
        ConditionOperator.BinaryEquals => ConditionFamily.Binary,
        ConditionOperator.IpAddress or ConditionOperator.NotIpAddress => ConditionFamily.Ip,
        ConditionOperator.Null => ConditionFamily.Null,
        _ => ConditionFamily.Arn,
    };

    /// <summary>True for the negated operators (a missing key makes them true; several values must all fail to match).</summary>
    public static bool IsNegated(ConditionOperator op) => op is ConditionOperator.StringNotEquals or ConditionOperator.StringNotEqualsIgnoreCase
        or ConditionOperator.StringNotLike or ConditionOperator.NumericNotEquals or ConditionOperator.DateNotEquals
        or ConditionOperator.NotIpAddress or ConditionOperator.ArnNotEquals or ConditionOperator.ArnNotLike;

    /// <summary>True where policy variables may appear in the values (string and ARN operators).</summary>
    public static bool AllowsVariables(ConditionOperator op) => FamilyOf(op) is ConditionFamily.String or ConditionFamily.Arn;
}
