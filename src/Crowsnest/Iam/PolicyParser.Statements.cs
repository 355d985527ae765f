using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crowsnest.Iam;

public static partial class PolicyParser
{
    private static PolicyStatement? ReadStatement(JsonElement element, int index, string path, bool variables, List<PolicyProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new PolicyProblem(path, "a statement must be a JSON object"));
            return null;
        }
        var before = problems.Count;
        CheckDuplicatesAndUnknown(element, path, StatementElements, problems);
        string? sid = null;
        if (element.TryGetProperty("Sid", out var sidElement))
        {
            sid = sidElement.ValueKind == JsonValueKind.String ? sidElement.GetString() : null;
            if (sid is null || !SidPattern().IsMatch(sid))
            {
                problems.Add(new PolicyProblem($"{path}.Sid", "must be a string of ASCII letters and digits"));
            }
        }
        var effect = PolicyEffect.Allow;
        if (!element.TryGetProperty("Effect", out var effectElement))
        {
            problems.Add(new PolicyProblem($"{path}.Effect", "is required (\"Allow\" or \"Deny\")"));
        }
        else if (effectElement.ValueKind == JsonValueKind.String && effectElement.GetString() is "Allow" or "Deny")
        {
            effect = effectElement.GetString() == "Deny" ? PolicyEffect.Deny : PolicyEffect.Allow;
        }
        else
        {
            problems.Add(new PolicyProblem($"{path}.Effect", "must be \"Allow\" or \"Deny\" (case-sensitive)"));
        }
        foreach (var name in new[] { "Principal", "NotPrincipal" })
        {
            if (element.TryGetProperty(name, out _))
            {
                problems.Add(new PolicyProblem($"{path}.{name}", "is not allowed in an identity policy (guardrails and role policies name no principal)"));
            }
        }
        var (actions, notAction) = ReadPair(element, path, "Action", "NotAction", problems);
        foreach (var action in actions)
        {
            if (action != "*" && !ActionPattern().IsMatch(action))
            {
                problems.Add(new PolicyProblem($"{path}.{(notAction ? "NotAction" : "Action")}", $"\"{action}\" is not an action (expected \"service:Operation\" with optional * or ?, or \"*\")"));
            }
        }
        var (resources, notResource) = ReadPair(element, path, "Resource", "NotResource", problems);
        foreach (var resource in resources)
        {
            if (resource != "*" && !Matching.ArnPattern.IsArn(resource))
            {
                problems.Add(new PolicyProblem($"{path}.{(notResource ? "NotResource" : "Resource")}", $"\"{resource}\" is not a resource (expected \"*\" or an ARN arn:partition:service:region:account:resource)"));
            }
            else if (variables)
            {
                CheckVariables(resource, $"{path}.{(notResource ? "NotResource" : "Resource")}", problems);
            }
        }
        var conditions = element.TryGetProperty("Condition", out var conditionElement)
            ? ReadConditions(conditionElement, $"{path}.Condition", variables, problems)
            : [];
        return problems.Count > before
            ? null
            : new PolicyStatement(index, sid, effect, actions, notAction, resources, notResource, conditions);
    }

    private static (IReadOnlyList<string> Values, bool Negated) ReadPair(JsonElement element, string path, string positive, string negative, List<PolicyProblem> problems)
    {
        var hasPositive = element.TryGetProperty(positive, out var positiveElement);
        var hasNegative = element.TryGetProperty(negative, out var negativeElement);
        if (hasPositive && hasNegative)
        {
            problems.Add(new PolicyProblem(path, $"has both {positive} and {negative}; use one"));
            return ([], false);
        }
        if (!hasPositive && !hasNegative)
        {
            problems.Add(new PolicyProblem(path, $"needs {positive} or {negative}"));
            return ([], false);
        }
        var name = hasPositive ? positive : negative;
        var values = ReadStrings(hasPositive ? positiveElement : negativeElement, $"{path}.{name}", problems, allowScalars: false);
        return (values, hasNegative);
    }

    /// <summary>A string or a non-empty list of strings (condition values may also be booleans or numbers).</summary>
    private static List<string> ReadStrings(JsonElement element, string path, List<PolicyProblem> problems, bool allowScalars)
    {
        var values = new List<string>();
        void ReadOne(JsonElement item)
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    values.Add(item.GetString()!);
                    break;
                case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number when allowScalars:
                    values.Add(item.GetRawText());
                    break;
                default:
                    problems.Add(new PolicyProblem(path, allowScalars ? "values must be strings, numbers or booleans" : "values must be strings"));
                    break;
            }
        }
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                ReadOne(item);
            }
            if (element.GetArrayLength() == 0)
            {
                problems.Add(new PolicyProblem(path, "must not be an empty list"));
            }
        }
        else
        {
            ReadOne(element);
        }
        foreach (var value in values.Where(v => v.Length == 0))
        {
            problems.Add(new PolicyProblem(path, "must not contain an empty string"));
        }
        return values;
    }

    private static void CheckVariables(string text, string path, List<PolicyProblem> problems)
    {
        var start = 0;
        while ((start = text.IndexOf("${", start, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                problems.Add(new PolicyProblem(path, $"policy variable in \"{text}\" is not closed with }}"));
                return;
            }
            var name = text[(start + 2)..end].Split(',')[0].Trim();
            if (name.Length == 0 || (name is not ("*" or "?" or "$") && !name.Contains(':', StringComparison.Ordinal)))
            {
                problems.Add(new PolicyProblem(path, $"\"${{{name}}}\" is not a policy variable (expected a condition key such as ${{aws:username}})"));
            }
            start = end + 1;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]*$")]
    private static partial Regex SidPattern();

    [GeneratedRegex("^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$")]
    private static partial Regex ActionPattern();
}
