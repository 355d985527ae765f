using Crowsnest.TestKit.Cli;

return await EmulatorCli.RunAsync(args);
