using System.CommandLine;
using LiveUpdate.Cli.Orchestration;
using LiveUpdate.Cli.Progress;
using LiveUpdate.Orchestrator.Rollout;

namespace LiveUpdate.Cli.Commands.Rollout;

/// <summary>
/// The verbs that run the engine on a stored rollout: `serve` (continue unfinished rollouts, e.g. after the
/// orchestrator was restarted) and `rollback` (update the hosts a rollout updated back to their previous bundle).
/// </summary>
internal static class RunCommands
{
    public static Command Serve()
    {
        var settings = new OrchestratorSettings.Options();
        var (spec, inventory) = Inputs();
        var command = new Command("serve", """
            Run the orchestrator: continue every unfinished rollout in the store until it ends. A rollout
            interrupted by a crash or a restart continues where it stopped — hosts in flight are reattached
            through their agents' journals, never executed twice. Pause, resume and abort requests written by
            `liveupdate pause|resume|abort` (from any shell) are picked up as they arrive.

            Example:
              liveupdate serve --spec rollout.yaml --inventory inventory.yaml
            """)
        {
            spec, inventory,
        };
        settings.AddTo(command);
        command.SetAction(async (parse, ct) => await WithSessionAsync(parse, settings, spec, inventory, async (io, inputs, session) =>
        {
            var unfinished = session.Store.ListRollouts().Where(r => !RolloutStateMachine.IsFinal(r.State) && r.SpecHash == inputs.Spec.ContentHash).ToList();
            if (unfinished.Count == 0)
            {
                io.Out.WriteLine("serve: no unfinished rollout of this spec in the store");
                return ExitCodes.Ok;
            }

            var failed = false;
            foreach (var rollout in unfinished)
            {
                io.Out.WriteLine($"serve: continuing rollout {rollout.Id} ({rollout.State})");
                failed |= await RolloutApplication.RunAsync(session, rollout.Id, inputs, io.Out, ct) != RolloutState.Completed;
            }

            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Rollback()
    {
        var settings = new OrchestratorSettings.Options();
        var (spec, inventory) = Inputs();
        var rollout = new Argument<string>("rollout") { Description = "The finished rollout whose hosts go back to their previous bundle." };
        var previous = new Option<DirectoryInfo[]>("--bundle-dir") { Description = "Directory of a bundle the hosts ran before (repeatable); each is verified and matched by digest.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("rollback", """
            Live-update every host the rollout updated back to the bundle it ran before, with the same
            playbook and the same limits. The previous bundles must still be where they were.

            Example:
              liveupdate rollback lab-6.1.0-50-lab-20261125T101500Z-1a2b3c4d --spec rollout.yaml --inventory inventory.yaml \
                --bundle-dir bundles/6.1.0-47
            """)
        {
            rollout, spec, inventory, previous,
        };
        settings.AddTo(command);
        command.SetAction(async (parse, ct) => await WithSessionAsync(parse, settings, spec, inventory, async (io, inputs, session) =>
        {
            var id = parse.GetRequiredValue(rollout);
            var engine = session.Engine(TimeSpan.FromMilliseconds(250));
            var directories = (parse.GetValue(previous) ?? [])
                .Select(d => LiveUpdate.Kernel.Bundles.Bundle.Open(d.FullName, session.BundleTrustKey))
                .ToDictionary(b => b.Digest, b => b.Directory, StringComparer.Ordinal);
            var run = engine.RollbackAsync(id, inputs.Spec, ct, directories);
            await using var view = RolloutProgress.For(io.Out);
            var state = await RolloutProgress.FollowAsync(session.Store, id + ".rollback", WaitUntilCreated(session, id, run), view, TimeSpan.FromMilliseconds(250));
            io.Out.WriteLine($"rollback of {id}: {state}");
            return state == RolloutState.RolledBack ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private static async Task<RolloutState> WaitUntilCreated(OrchestratorSession session, string id, Task<RolloutState> run)
    {
        while (session.Store.FindRollout(id + ".rollback") is null && !run.IsCompleted)
        {
            await Task.Delay(50);
        }

        return await run;
    }

    private static (Option<FileInfo> Spec, Option<FileInfo> Inventory) Inputs() => (
        new Option<FileInfo>("--spec") { Required = true, Description = "The rollout spec." },
        new Option<FileInfo>("--inventory") { Required = true, Description = "The inventory." });

    private static async Task<int> WithSessionAsync(
        ParseResult parse, OrchestratorSettings.Options settings, Option<FileInfo> spec, Option<FileInfo> inventory,
        Func<CommandOutput, RolloutInputs, OrchestratorSession, Task<int>> action)
    {
        var io = new CommandOutput(parse);
        try
        {
            var config = settings.Read(parse);
            var inputs = RolloutInputs.Load(parse.GetRequiredValue(spec).FullName, parse.GetRequiredValue(inventory).FullName, config.BundleTrustKey);
            using var session = new OrchestratorSession(config, inputs.Inventory);
            return await action(io, inputs, session);
        }
        catch (RolloutInputException e)
        {
            foreach (var error in e.Errors)
            {
                io.Error.WriteLine(error);
            }

            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentException or LiveUpdate.Kernel.Bundles.BundleVerificationException)
        {
            return io.Fail(e.Message);
        }
    }
}
