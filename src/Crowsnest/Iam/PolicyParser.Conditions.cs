using System.Text.Json;

namespace Crowsnest.Iam;

public static partial class PolicyParser
{
    private static List<PolicyCondition> ReadConditions(JsonElement element, string path, bool variables, List<PolicyProblem> problems)
    {
        var conditions = new List<PolicyCondition>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new PolicyProblem(path, "must be an object of operators"));
            return conditions;
        }
        foreach (var operatorProperty in element.EnumerateObject())
        {
            var operatorPath = $"{path}.{operatorProperty.Name}";
            if (!ConditionOperators.TryParse(operatorProperty.Name, out var op, out var qualifier, out var ifExists))
            {
                problems.Add(new PolicyProblem(operatorPath, "unknown condition operator"));
                continue;
            }
            if (op == ConditionOperator.Null && qualifier != SetQualifier.None)
            {
                problems.Add(new PolicyProblem(operatorPath, "Null takes no ForAnyValue/ForAllValues prefix"));
            }
            if (operatorProperty.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new PolicyProblem(operatorPath, "must be an object of condition keys and values"));
                continue;
            }
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var keyProperty in operatorProperty.Value.EnumerateObject())
            {
                var keyPath = $"{operatorPath}.{keyProperty.Name}";
                if (!keys.Add(keyProperty.Name))
                {
                    problems.Add(new PolicyProblem(keyPath, "appears more than once (condition keys are case-insensitive)"));
                }
                if (!keyProperty.Name.Contains(':', StringComparison.Ordinal))
                {
                    problems.Add(new PolicyProblem(keyPath, "a condition key has the form prefix:name, such as aws:RequestedRegion"));
                }
                var values = ReadStrings(keyProperty.Value, keyPath, problems, allowScalars: true);
                foreach (var value in values.Where(v => v.Length > 0))
                {
                    CheckConditionValue(op, value, keyPath, variables, problems);
                }
                conditions.Add(new PolicyCondition(operatorProperty.Name, op, qualifier, ifExists, keyProperty.Name, values));
            }
        }
        return conditions;
    }

    private static void CheckConditionValue(ConditionOperator op, string value, string path, bool variables, List<PolicyProblem> problems)
    {
        string? problem = ConditionOperators.FamilyOf(op) switch
        {
            ConditionFamily.Numeric when !ConditionValueParsers.TryNumber(value, out _) => $"\"{value}\" is not a number",
            ConditionFamily.Date when !ConditionValueParsers.TryDate(value, out _) => $"\"{value}\" is not a W3C ISO 8601 date or epoch time",
            ConditionFamily.Bool or ConditionFamily.Null when !ConditionValueParsers.TryBool(value, out _) => $"\"{value}\" is not true or false",
            ConditionFamily.Ip when !ConditionValueParsers.TryNetwork(value, out _) => $"\"{value}\" is not an IP address or CIDR block",
            ConditionFamily.Binary when !IsBase64(value) => $"\"{value}\" is not base64",
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(new PolicyProblem(path, problem));
        }
        else if (variables && ConditionOperators.AllowsVariables(op))
        {
            CheckVariables(value, path, problems);
        }
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}
