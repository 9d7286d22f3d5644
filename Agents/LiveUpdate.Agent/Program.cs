using LiveUpdate.Agent.Cli;

return await AgentCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
