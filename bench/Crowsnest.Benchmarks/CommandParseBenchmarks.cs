using BenchmarkDotNet.Attributes;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Benchmarks;

/// <summary>Parse throughput of chat commands against the models (goal: 10,000 commands a second per core). Needs scripts/models.</summary>
[MemoryDiagnoser]
public class CommandParseBenchmarks
{
    private CommandParser _parser = null!;

    [Params(
        "cloudwatch describe-alarms --state-value ALARM --max-items 20",
        "ec2 describe-instances --filters Name=tag:Env,Values=prod,staging Name=instance-state-name,Values=running --query Reservations[].Instances[].InstanceId",
        "cloudwatch put-metric-alarm --alarm-name cpu --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average --period 300 --threshold 70 --comparison-operator GreaterThanThreshold --evaluation-periods 2 --dimensions '[{\"Name\":\"InstanceId\",\"Value\":\"i-1\"}]'")]
    public string Command { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _parser = new CommandParser(ServiceCatalog.OpenDefault());
        _ = _parser.Parse(Command); // the first use of a service loads its model; measure steady state
    }

    [Benchmark]
    public ParseResult Parse() => _parser.Parse(Command);
}
