using System.CommandLine;
using LiveUpdate.Cli.Orchestration;
using LiveUpdate.Orchestrator.Planning;

namespace LiveUpdate.Cli.Commands.Rollout;

/// <summary>`liveupdate plan`: the dry run. Asks every agent for its facts and prints the plan `apply` will execute.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var settings = new OrchestratorSettings.Options();
        var spec = new Option<FileInfo>("--spec") { Required = true, Description = "The rollout spec (YAML)." };
        var inventory = new Option<FileInfo>("--inventory") { Required = true, Description = "The inventory (Ansible YAML format)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the plan here (JSON), to hand to `liveupdate apply --plan`." };
        var json = CommonOptions.Json();
        var command = new Command("plan", """
            Dry run: gather every host's facts from its agent (read-only), and print the waves, hosts, steps,
            predicted blackouts and durations, excluded hosts with their reasons, and the plan's content hash.
            Nothing on any host changes.

            Example:
              liveupdate plan --spec rollout.yaml --inventory inventory.yaml --out plan.json
            """)
        {
            spec, inventory, output, json,
        };
        settings.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var io = new CommandOutput(parse);
            try
            {
                var config = settings.Read(parse);
                var inputs = RolloutInputs.Load(parse.GetRequiredValue(spec).FullName, parse.GetRequiredValue(inventory).FullName, config.BundleTrustKey);
                using var session = new OrchestratorSession(config, inputs.Inventory);
                var plan = FleetFacts.Plan(inputs, await FleetFacts.GatherAsync(inputs, session.Agents, ct));
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, RolloutPlanJson.Serialize(plan), ct);
                }

                io.Out.Write(parse.GetValue(json) ? RolloutPlanJson.Serialize(plan) + Environment.NewLine : PlanTable.Format(plan));

                // An agent that cannot be asked leaves its host out of the plan; say so loudly, and fail,
                // so a script never mistakes a partial fleet for the whole one.
                var unreachable = plan.Excluded.Where(h => h.Reasons.Any(r => r.StartsWith("agent unreachable", StringComparison.Ordinal))).ToList();
                if (unreachable.Count > 0)
                {
                    return io.Fail(
                        $"{unreachable.Count} agent(s) unreachable, their hosts are left out of the plan: {string.Join(", ", unreachable.Select(h => h.Name))}",
                        "check that liveupdate-agent runs on those hosts and that their endpoint and certificate name in the inventory are right, then plan again");
                }

                return ExitCodes.Ok;
            }
            catch (RolloutInputException e)
            {
                foreach (var error in e.Errors)
                {
                    io.Error.WriteLine(error);
                }

                return ExitCodes.Failed;
            }
            catch (ArgumentException e)
            {
                return io.Fail(e.Message, "see `liveupdate plan --help` for --tls and --store");
            }
        });
        return command;
    }
}
