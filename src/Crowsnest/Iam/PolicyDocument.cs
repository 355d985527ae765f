namespace Crowsnest.Iam;

/// <summary>Allow or Deny (case-sensitive in a policy document).</summary>
public enum PolicyEffect
{
    Allow,
    Deny,
}

/// <summary>A parsed IAM identity policy document.</summary>
/// <param name="Version">The <c>Version</c> element, or null when absent (then policy variables are literal text).</param>
/// <param name="Id">The optional <c>Id</c> element.</param>
/// <param name="Statements">The statements, in document order.</param>
public sealed record PolicyDocument(string? Version, string? Id, IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>The version under which <c>${…}</c> policy variables are substituted.</summary>
    public const string CurrentVersion = "2012-10-17";

    /// <summary>The older version, under which <c>${…}</c> is literal text.</summary>
    public const string LegacyVersion = "2008-10-17";

    /// <summary>True when policy variables are substituted (Version 2012-10-17).</summary>
    public bool VariablesEnabled => Version == CurrentVersion;
}

/// <summary>One statement of a policy.</summary>
/// <param name="Index">Zero-based position in the document (named in decisions when there is no Sid).</param>
/// <param name="Sid">The statement id, if any.</param>
/// <param name="Effect">Allow or Deny.</param>
/// <param name="Actions">The <c>Action</c> or <c>NotAction</c> patterns.</param>
/// <param name="IsNotAction">True when <see cref="Actions"/> came from <c>NotAction</c>.</param>
/// <param name="Resources">The <c>Resource</c> or <c>NotResource</c> patterns.</param>
/// <param name="IsNotResource">True when <see cref="Resources"/> came from <c>NotResource</c>.</param>
/// <param name="Conditions">The condition clauses, all of which must hold (AND).</param>
public sealed record PolicyStatement(
    int Index,
    string? Sid,
    PolicyEffect Effect,
    IReadOnlyList<string> Actions,
    bool IsNotAction,
    IReadOnlyList<string> Resources,
    bool IsNotResource,
    IReadOnlyList<PolicyCondition> Conditions)
{
    /// <summary>The Sid, or <c>#index</c> when the statement has none.</summary>
    public string Label => string.IsNullOrEmpty(Sid) ? "#" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Sid;
}

/// <summary>Set operator prefix of a condition operator.</summary>
public enum SetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}

/// <summary>One key of one condition operator, for example <c>StringEquals: { "aws:RequestedRegion": ["eu-west-1"] }</c>.</summary>
/// <param name="OperatorName">The operator as written (with prefix and suffix).</param>
/// <param name="Operator">The base operator.</param>
/// <param name="Qualifier">ForAnyValue / ForAllValues prefix.</param>
/// <param name="IfExists">True for the <c>…IfExists</c> suffix.</param>
/// <param name="Key">The condition key (case-insensitive).</param>
/// <param name="Values">The values as text (booleans and numbers converted to their JSON text); several values are OR-ed.</param>
public sealed record PolicyCondition(
    string OperatorName,
    ConditionOperator Operator,
    SetQualifier Qualifier,
    bool IfExists,
    string Key,
    IReadOnlyList<string> Values);
