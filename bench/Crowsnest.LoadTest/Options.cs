using System.Globalization;

namespace Crowsnest.LoadTest;

internal sealed record Options(string HostDll, double Seconds, int Concurrency, int Messages, int Warmup)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            Value("--host") ?? throw new ArgumentException("--host <path to Crowsnest.Host.dll> is required"),
            double.Parse(Value("--seconds") ?? "5", CultureInfo.InvariantCulture),
            int.Parse(Value("--concurrency") ?? "64", CultureInfo.InvariantCulture),
            int.Parse(Value("--messages") ?? "15000", CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup") ?? "3000", CultureInfo.InvariantCulture));
    }
}
