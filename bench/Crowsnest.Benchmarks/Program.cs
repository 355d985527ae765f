using BenchmarkDotNet.Running;
using Crowsnest.Benchmarks.Delivery;

if (args.FirstOrDefault() == "delivery")
{
    return await DeliveryLoad.RunAsync(args);
}
if (args.FirstOrDefault() == "render-loop")
{
    return Crowsnest.Benchmarks.Notifications.RenderLoop.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(DeliveryLoad).Assembly).Run(args);
return 0;
