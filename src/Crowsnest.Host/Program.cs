using Crowsnest.Host.Cli;

return await CrowsnestCli.RunAsync(args);
