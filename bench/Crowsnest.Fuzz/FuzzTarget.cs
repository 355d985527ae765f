using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;

namespace Crowsnest.Fuzz;

/// <summary>
/// One time-boxed target: FsCheck checks "<paramref name="property"/> holds (and throws nothing)" over generated
/// inputs in batches until the time is up. A failure keeps FsCheck's report (the counterexample) for the findings.
/// </summary>
internal sealed class FuzzTarget<T>(string name, Gen<T> inputs, Func<T, bool> property, Func<T, string> show)
{
    public string Name => name;

    public FuzzOutcome Run(TimeSpan budget)
    {
        var tried = 0L;
        var failures = new List<string>();
        string? found = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget && failures.Count < 5)
        {
            try
            {
                Prop.ForAll(inputs.ToArbitrary(), input =>
                {
                    Interlocked.Increment(ref tried);
                    try
                    {
                        if (property(input))
                        {
                            return true;
                        }
                        found = $"property false — input: {show(input)}";
                    }
                    catch (Exception e)
                    {
                        found = $"{e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()} — input: {show(input)}";
                    }
                    return false;
                }).Check(Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true));
            }
            catch (Exception e)
            {
                // FsCheck reports the failing case; the exception or false result was kept as found, with its input.
                failures.Add(Shorten(found ?? e.Message));
                found = null;
            }
        }
        return new FuzzOutcome(name, tried, clock.Elapsed, failures);
    }

    private static string Shorten(string text) => text.Length > 1500 ? text[..1500] + "…" : text;
}

internal sealed record FuzzOutcome(string Target, long Inputs, TimeSpan Elapsed, IReadOnlyList<string> Failures);
