using System.Globalization;
using Crowsnest.LoadTest;
using Crowsnest.LoadTest.Harness;
using Crowsnest.LoadTest.Scenarios;

// Load and reliability runs used by bench/run-all (each appends one JSON line to --out):
//   run (ingest) | kills | e2e | storm | peer | outages | two-instances | store | commands   --host <Crowsnest.Host.dll> ...
// bare endpoint (started by `run`): `bare --port N [--verify PINNED_CERTIFICATE_DIR]`
if (args.Length >= 3 && args[0] == "bare")
{
    await BareEndpoint.RunAsync(int.Parse(args[2], CultureInfo.InvariantCulture), args.Length >= 5 && args[3] == "--verify" ? args[4] : null);
    return 0;
}
var options = new Args(args.Skip(1).ToArray());
return args.FirstOrDefault() switch
{
    "run" or "ingest" => await IngestRun.RunAsync(options),
    "kills" => await KillRun.RunAsync(options),
    "e2e" => await EndToEndRun.RunAsync(options),
    "storm" => await StormRun.RunAsync(options),
    "peer" => await PeerRun.RunAsync(options),
    "outages" => await OutageRun.RunAsync(options),
    "two-instances" => await TwoInstanceRun.RunAsync(options),
    "store" => await StoreTroubleRun.RunAsync(options),
    "commands" => await CommandsRun.RunAsync(options),
    _ => await Usage(),
};

static async Task<int> Usage()
{
    await Console.Error.WriteLineAsync("usage: Crowsnest.LoadTest run|kills|e2e|storm|peer|outages|two-instances|store|commands --host <Crowsnest.Host.dll> [--out results.jsonl] [options]");
    return 2;
}
