using System.Globalization;
using Crowsnest.LoadTest;

// ingest load run: `run --host <Crowsnest.Host.dll> [--seconds 5] [--concurrency 64] [--messages 15000] [--warmup 3000]`
// bare endpoint (started by `run`): `bare --port N`
if (args.Length >= 3 && args[0] == "bare")
{
    await BareEndpoint.RunAsync(int.Parse(args[2], CultureInfo.InvariantCulture));
    return 0;
}
if (args.Length >= 1 && args[0] == "run")
{
    return await IngestRun.RunAsync(Options.Parse(args[1..]));
}
await Console.Error.WriteLineAsync("usage: Crowsnest.LoadTest run --host <path to Crowsnest.Host.dll> [--seconds 5] [--concurrency 64] [--messages 15000] [--warmup 3000]");
return 2;
