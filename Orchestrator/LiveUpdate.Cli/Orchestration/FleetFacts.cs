using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Planning.Inputs;

namespace LiveUpdate.Cli.Orchestration;

/// <summary>Asks every inventory host's agent to Describe itself, in parallel; an unreachable agent becomes an excluded host with the reason.</summary>
internal static class FleetFacts
{
    public static async Task<IReadOnlyDictionary<string, HostFacts>> GatherAsync(RolloutInputs inputs, IAgentClientFactory agents, CancellationToken ct)
    {
        var facts = new System.Collections.Concurrent.ConcurrentDictionary<string, HostFacts>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(inputs.Inventory.Hosts, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (host, token) =>
        {
            try
            {
                var description = await agents.For(host.Name).DescribeAsync(inputs.PlaybookText, token).ConfigureAwait(false);
                facts[host.Name] = PlanInputMapping.FactsOf(host.Name, description, inputs.Playbook.Name);
            }
            catch (AgentUnavailableException e)
            {
                facts[host.Name] = PlanInputMapping.Unreachable(host.Name, e.Message);
            }
            catch (AgentRefusedException e)
            {
                facts[host.Name] = PlanInputMapping.Refused(host.Name, e.Message);
            }
        }).ConfigureAwait(false);
        return facts;
    }

    public static RolloutPlan Plan(RolloutInputs inputs, IReadOnlyDictionary<string, HostFacts> facts) =>
        RolloutPlanner.Plan(new PlanInput(inputs.Inventory, inputs.Spec, PlanInputMapping.Summarize(inputs.Playbook), PlanInputMapping.Summarize(inputs.Bundle), facts));
}
