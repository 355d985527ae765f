using Crowsnest.Iam;

namespace Crowsnest.Tests.Iam;

/// <summary>Small helpers to write policies and request contexts compactly in table rows.</summary>
internal static class PolicyTestKit
{
    public const string Account = "123456789012";

    /// <summary>A 2012-10-17 policy from statement JSON objects (comma-separated).</summary>
    public static string Policy(string statements, string version = "2012-10-17")
        => $$"""{"Version":"{{version}}","Statement":[{{statements}}]}""";

    public static PolicySet Set(string name, params string[] policies)
        => new(name, policies.Select((json, i) =>
        {
            var parsed = PolicyParser.Parse(json);
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Problems));
            return CompiledPolicy.Compile($"{name}-policy{i}", parsed.Document!);
        }));

    /// <summary>
    /// Parses "key=value; key2=[a,b]" into a context ("[]" is an empty set, which counts as absent).
    /// </summary>
    public static RequestContext Context(string spec)
    {
        var context = new RequestContext();
        foreach (var pair in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = pair[..eq];
            var value = pair[(eq + 1)..];
            if (value.StartsWith('[') && value.EndsWith(']'))
            {
                context.SetMany(key, value[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else
            {
                context.Set(key, value);
            }
        }
        return context;
    }
}
