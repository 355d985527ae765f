using System.Text.Json;

namespace Crowsnest.Iam;

/// <summary>
/// Parses and validates an IAM identity policy. Every problem is reported (not only the first), so a configuration
/// can be refused with the complete list.
/// </summary>
public static partial class PolicyParser
{
    private static readonly string[] TopLevel = ["Version", "Id", "Statement"];
    private static readonly string[] StatementElements =
        ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition", "Principal", "NotPrincipal"];

    /// <summary>Parses <paramref name="json"/> with the managed-policy size limit.</summary>
    public static PolicyParseResult Parse(string json) => Parse(json, PolicyLimits.ManagedPolicy);

    /// <summary>Parses <paramref name="json"/>, checking the given limits.</summary>
    public static PolicyParseResult Parse(string json, PolicyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<PolicyProblem>();
        CheckCharacters(json, limits, problems);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            problems.Add(new PolicyProblem("", $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})"));
            return new PolicyParseResult(null, problems);
        }
        using (parsed)
        {
            try
            {
                var document = ReadDocument(parsed.RootElement, problems);
                return new PolicyParseResult(problems.Count == 0 ? document : null, problems);
            }
            catch (InvalidOperationException)
            {
                problems.Add(new PolicyProblem("", "not valid JSON (a string is not valid Unicode)"));
                return new PolicyParseResult(null, problems);
            }
        }
    }

    private static void CheckCharacters(string json, PolicyLimits limits, List<PolicyProblem> problems)
    {
        var counted = 0;
        var reportedCharacter = false;
        foreach (var c in json)
        {
            if (!char.IsWhiteSpace(c))
            {
                counted++;
            }
            if (!reportedCharacter && c is not ('\t' or '\n' or '\r') && (c < '\u0020' || c > '\u00FF'))
            {
                problems.Add(new PolicyProblem("", $"character U+{(int)c:X4} is not allowed (only tab, line feed, carriage return and U+0020-U+00FF)"));
                reportedCharacter = true;
            }
        }
        if (counted > limits.MaxCharacters)
        {
            problems.Add(new PolicyProblem("", $"policy has {counted} characters (whitespace not counted); the limit is {limits.MaxCharacters}"));
        }
    }

    private static PolicyDocument? ReadDocument(JsonElement root, List<PolicyProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new PolicyProblem("", "a policy must be a JSON object"));
            return null;
        }
        CheckDuplicatesAndUnknown(root, "", TopLevel, problems);
        string? version = null;
        if (root.TryGetProperty("Version", out var v))
        {
            version = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (version is not (PolicyDocument.CurrentVersion or PolicyDocument.LegacyVersion))
            {
                problems.Add(new PolicyProblem("Version", $"must be \"{PolicyDocument.CurrentVersion}\" or \"{PolicyDocument.LegacyVersion}\""));
            }
        }
        string? id = null;
        if (root.TryGetProperty("Id", out var idElement))
        {
            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            if (id is null)
            {
                problems.Add(new PolicyProblem("Id", "must be a string"));
            }
        }
        var variables = version == PolicyDocument.CurrentVersion;
        var statements = new List<PolicyStatement>();
        if (!root.TryGetProperty("Statement", out var statementElement))
        {
            problems.Add(new PolicyProblem("Statement", "is required"));
        }
        else if (statementElement.ValueKind == JsonValueKind.Object)
        {
            AddStatement(ReadStatement(statementElement, 0, "Statement", variables, problems), statements);
        }
        else if (statementElement.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in statementElement.EnumerateArray())
            {
                AddStatement(ReadStatement(item, index, $"Statement[{index}]", variables, problems), statements);
                index++;
            }
            if (index == 0)
            {
                problems.Add(new PolicyProblem("Statement", "must contain at least one statement"));
            }
        }
        else
        {
            problems.Add(new PolicyProblem("Statement", "must be a statement object or a list of them"));
        }
        foreach (var group in statements.Where(s => !string.IsNullOrEmpty(s.Sid)).GroupBy(s => s.Sid, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new PolicyProblem("Statement", $"Sid \"{group.Key}\" is used by more than one statement; Sids must be unique"));
        }
        return new PolicyDocument(version, id, statements);
    }

    private static void AddStatement(PolicyStatement? statement, List<PolicyStatement> statements)
    {
        if (statement is not null)
        {
            statements.Add(statement);
        }
    }

    private static void CheckDuplicatesAndUnknown(JsonElement element, string path, string[] known, List<PolicyProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var where = Join(path, property.Name);
            if (!seen.Add(property.Name))
            {
                problems.Add(new PolicyProblem(where, "appears more than once"));
            }
            else if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                var hint = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                problems.Add(new PolicyProblem(where, hint is null
                    ? $"unknown element (expected one of {string.Join(", ", known)})"
                    : $"unknown element; element names are case-sensitive, did you mean \"{hint}\"?"));
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
