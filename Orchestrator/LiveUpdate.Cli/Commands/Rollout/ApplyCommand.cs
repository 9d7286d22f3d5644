using System.CommandLine;
using LiveUpdate.Cli.Orchestration;
using LiveUpdate.Orchestrator.Planning;

namespace LiveUpdate.Cli.Commands.Rollout;

/// <summary>`liveupdate apply --plan plan.json`: executes exactly that plan, or refuses and says what changed.</summary>
internal static class ApplyCommand
{
    public static Command Create()
    {
        var settings = new OrchestratorSettings.Options();
        var planFile = new Option<FileInfo>("--plan") { Required = true, Description = "The plan written by `liveupdate plan --out`." };
        var spec = new Option<FileInfo>("--spec") { Required = true, Description = "The rollout spec the plan was made from." };
        var inventory = new Option<FileInfo>("--inventory") { Required = true, Description = "The inventory the plan was made from." };
        var command = new Command("apply", """
            Execute a plan. The facts are gathered again and the plan recomputed: if the inventory, the spec,
            the playbook, the bundle or any host's facts changed, nothing starts and every difference is shown.
            Progress is live on a terminal and one line per event elsewhere. Exit 0 when the rollout completed,
            1 when it failed, was aborted, or was refused.

            Example:
              liveupdate apply --plan plan.json --spec rollout.yaml --inventory inventory.yaml
            """)
        {
            planFile, spec, inventory,
        };
        settings.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var io = new CommandOutput(parse);
            try
            {
                var config = settings.Read(parse);
                var saved = RolloutPlanJson.Deserialize(await File.ReadAllTextAsync(parse.GetRequiredValue(planFile).FullName, ct));
                var inputs = RolloutInputs.Load(parse.GetRequiredValue(spec).FullName, parse.GetRequiredValue(inventory).FullName, config.BundleTrustKey);
                using var session = new OrchestratorSession(config, inputs.Inventory);
                var outcome = await RolloutApplication.ApplyAsync(inputs, saved, session, io.Out, ct);
                foreach (var refusal in outcome.Refusals)
                {
                    io.Error.WriteLine($"liveupdate: {refusal}");
                }

                if (outcome.RolloutId is not null)
                {
                    io.Out.WriteLine($"rollout {outcome.RolloutId}: {outcome.State}; see `liveupdate report {outcome.RolloutId}`");
                }

                return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
            }
            catch (RolloutInputException e)
            {
                foreach (var error in e.Errors)
                {
                    io.Error.WriteLine(error);
                }

                return ExitCodes.Failed;
            }
            catch (Exception e) when (e is PlanFormatException or FileNotFoundException or ArgumentException)
            {
                return io.Fail(e.Message);
            }
        });
        return command;
    }
}
