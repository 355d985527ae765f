using BenchmarkDotNet.Running;
using Crowsnest.Benchmarks.Delivery;

if (args.FirstOrDefault() == "delivery")
{
    return await DeliveryLoad.RunAsync(args);
}
BenchmarkSwitcher.FromAssembly(typeof(DeliveryLoad).Assembly).Run(args);
return 0;
