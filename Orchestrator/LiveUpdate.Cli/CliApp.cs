using System.CommandLine;
using LiveUpdate.Cli.Commands;

namespace LiveUpdate.Cli;

/// <summary>Builds the `liveupdate` command tree and runs one invocation of it.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot() => new("liveupdate — live kernel updates of a KVM/libvirt fleet without stopping or migrating VMs.")
    {
        ValidateCommand.Create(),
        BundleCommand.Create(),
        Commands.Rollout.PlanCommand.Create(),
        Commands.Rollout.ApplyCommand.Create(),
        Commands.Rollout.StoreCommands.Status(),
        Commands.Rollout.StoreCommands.Control("pause", LiveUpdate.Orchestrator.Store.RolloutControl.Pause, "Stop admitting new hosts; hosts in flight finish."),
        Commands.Rollout.StoreCommands.Control("resume", LiveUpdate.Orchestrator.Store.RolloutControl.Resume, "Admit hosts again after a pause."),
        Commands.Rollout.StoreCommands.Control("abort", LiveUpdate.Orchestrator.Store.RolloutControl.Abort, "Stop the rollout: no new hosts; hosts before their point of no return roll back, the others finish."),
        Commands.Rollout.StoreCommands.Report(),
        Commands.Rollout.RunCommands.Serve(),
        Commands.Rollout.RunCommands.Rollback(),
        Commands.Lab.LabCommand.Create(),
        DemoCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"liveupdate: {e.Message}");
            }

            await error.WriteLineAsync("Try 'liveupdate --help' or 'liveupdate <verb> --help'.");
            return ExitCodes.Usage;
        }

        // Commands that run until a signal (the lab supervisor, `serve`) handle SIGTERM themselves and must
        // be given the time to stop what they started; the parser's default is to exit after 2 s.
        var config = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config, ct);
        }
        catch (Exception e) when (e is LiveUpdate.Orchestrator.Store.StoreUnavailableException or LiveUpdate.Orchestrator.Store.StoreVersionException
            or LiveUpdate.Orchestrator.Engine.RolloutClaimedException)
        {
            // Nothing was committed; the operator fixes the store (or --store) and runs the verb again.
            await error.WriteLineAsync($"liveupdate: {e.Message}");
            await error.WriteLineAsync("Check --store (or LIVEUPDATE_STORE) and that the store is reachable, then run the command again.");
            return ExitCodes.Failed;
        }
    }
}
