namespace Crowsnest.Configuration;

/// <summary>One problem with an input: where (a field path such as <c>snsTopicArns[0]</c>) and what.</summary>
/// <param name="Path">The field, in the API's lower-camel member path form.</param>
/// <param name="Message">A sentence for users; never contains a secret value.</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <summary>All errors in the AWS form: "2 validation errors detected: ...; ...".</summary>
    public static string Describe(IReadOnlyList<ValidationError> errors) =>
        $"{errors.Count} validation error{(errors.Count == 1 ? "" : "s")} detected: {string.Join("; ", errors.Select(e => e.Message))}";
}
