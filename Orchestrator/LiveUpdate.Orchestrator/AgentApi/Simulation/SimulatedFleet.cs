using LiveUpdate.Orchestrator.Planning;

namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>
/// A simulated agent for every host of a plan, with step times from the planner's cost model scaled per host by
/// a seeded factor in [0.8, 1.0] (the model errs on the slow side), so hosts with more VM memory take longer.
/// </summary>
public sealed class SimulatedFleet : IAgentClientFactory
{
    private readonly Dictionary<string, SimulatedAgent> _agents;

    private SimulatedFleet(Dictionary<string, SimulatedAgent> agents, SimulationObserver observer)
    {
        _agents = agents;
        Observer = observer;
    }

    public SimulationObserver Observer { get; }

    public IReadOnlyDictionary<string, SimulatedAgent> Agents => _agents;

    public IAgentClient For(string host) => _agents.TryGetValue(host, out var agent)
        ? agent
        : throw new KeyNotFoundException($"host '{host}' is not part of this simulated fleet");

    /// <param name="currentBundle">The bundle every host runs before the rollout (a rollback returns to it).</param>
    /// <param name="failures">What goes wrong on which host; hosts not listed behave.</param>
    public static SimulatedFleet FromPlan(
        RolloutPlan plan, TimeProvider time, string currentBundle, IReadOnlyDictionary<string, SimulatedFailure>? failures = null, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var observer = new SimulationObserver();
        var random = new SplitMix64(seed);
        var kernels = new Dictionary<string, string>(StringComparer.Ordinal) { [plan.Inputs.BundleDigest] = plan.Inputs.TargetKernelRelease };
        var agents = new Dictionary<string, SimulatedAgent>(StringComparer.Ordinal);
        foreach (var host in plan.Waves.SelectMany(w => w.Hosts))
        {
            kernels.TryAdd(currentBundle, host.Facts.KernelRelease);
            var factor = 0.8 + (random.NextBelow(201) / 1000.0);
            var steps = plan.StepTemplates.Select(t => new SimulatedStep(
                t.Id,
                t.Kind,
                TimeSpan.FromMilliseconds(Math.Round(StepCostModel.Predict(t, host.Facts.VmCount, host.Facts.VmMemoryBytes).TotalMilliseconds * factor)),
                t.InBlackout,
                t.IsPointOfNoReturn)).ToList();
            var profile = new SimulatedHost(
                host.Name, host.FailureDomain, host.Facts.KernelRelease, currentBundle, host.Facts.VmCount, host.Facts.VmMemoryBytes, steps, kernels,
                failures?.GetValueOrDefault(host.Name) ?? SimulatedFailure.None);
            agents.Add(host.Name, new SimulatedAgent(profile, time, observer));
        }

        return new SimulatedFleet(agents, observer);
    }
}
