using System.CommandLine;
using System.Globalization;
using Crowsnest.TestKit.Faults;

namespace Crowsnest.TestKit.Cli;

/// <summary>The options every emulator command takes: port, faults, seed, logging, ready file.</summary>
internal sealed class CommonOptions
{
    public Option<int> Port { get; } = new("--port") { Description = "Port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 0 };
    public Option<double> ErrorRate { get; } = new("--error-rate") { Description = "Fraction of requests answered 500/502/503" };
    public Option<double> RateLimitRate { get; } = new("--rate-limit-rate") { Description = "Fraction of requests answered 429" };
    public Option<double> SlowRate { get; } = new("--slow-rate") { Description = "Fraction of requests answered slowly" };
    public Option<int> SlowMs { get; } = new("--slow-ms") { Description = "Delay of a slow answer in ms", DefaultValueFactory = _ => 2000 };
    public Option<int> RetryAfter { get; } = new("--retry-after") { Description = "Retry-After seconds of injected 429/503", DefaultValueFactory = _ => 1 };
    public Option<string[]> Outages { get; } = new("--outage") { Description = "FROM:TO seconds after start during which every request gets 503 (repeatable)", AllowMultipleArgumentsPerToken = false };
    public Option<int?> Seed { get; } = new("--seed") { Description = "Seed of the fault dice" };
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log requests to the console" };
    public Option<string?> ReadyFile { get; } = new("--ready-file") { Description = "Write the base URL to this file once listening" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Port, ErrorRate, RateLimitRate, SlowRate, SlowMs, RetryAfter, Outages, Seed, Verbose, ReadyFile })
        {
            command.Options.Add(option);
        }
    }

    public FaultSettings Faults(ParseResult result, DateTimeOffset start)
    {
        var outages = (result.GetValue(Outages) ?? []).Select(text =>
        {
            var parts = text.Split(':');
            if (parts.Length != 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var from) || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var to) || to <= from)
            {
                throw new ArgumentException($"--outage wants FROM:TO seconds, got '{text}'.");
            }
            return new OutageWindow(start.AddSeconds(from), start.AddSeconds(to));
        }).ToList();
        return new FaultSettings
        {
            ErrorRate = result.GetValue(ErrorRate),
            RateLimitRate = result.GetValue(RateLimitRate),
            SlowRate = result.GetValue(SlowRate),
            SlowMilliseconds = result.GetValue(SlowMs),
            RetryAfterSeconds = result.GetValue(RetryAfter),
            Outages = outages,
        };
    }

    public LogLevel? LogLevel(ParseResult result) => result.GetValue(Verbose) ? Microsoft.Extensions.Logging.LogLevel.Information : Microsoft.Extensions.Logging.LogLevel.Warning;
}
