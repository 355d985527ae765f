using System.Globalization;

namespace Crowsnest.LoadTest.Harness;

/// <summary><c>--name value</c> options of a scenario command, with defaults.</summary>
internal sealed class Args(string[] args)
{
    public string? Text(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    public string Required(string name) => Text(name) ?? throw new ArgumentException($"{name} is required");

    public int Int(string name, int fallback) => Text(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Text(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => args.Contains(name);

    /// <summary>The Crowsnest.Host.dll to run.</summary>
    public string HostDll => Required("--host");

    /// <summary>Where the scenario appends its JSON result line (none: only printed).</summary>
    public string? Out => Text("--out");

    /// <summary>Which repetition this is (1, 2, 3...), recorded in the result.</summary>
    public int Run => Int("--run", 1);
}
