using LiveUpdate.Orchestrator.AgentApi.Simulation;
using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Tests.Planning;

namespace LiveUpdate.Benchmarks;

/// <summary>
/// How close the rollout engine gets to the fastest schedule its constraints allow. This is an in-process
/// simulation of the agent API (SimulatedAgent on a virtual clock, the real engine and a real SQLite store): 60
/// hosts in 6 failure domains, at most 6 in the critical section overall and 1 per domain, waves [1, 10%, 100%],
/// 2 minutes of settle, step times from the planner's cost model varied per host and by VM memory (2-12 GiB).
/// <para>
/// The lower bound: a host occupies the limits from admission to its end (stage, prepare, execute, every step),
/// so each wave needs at least the largest of (its total host time / the overall limit), (the total host time of
/// its busiest domain / the per-domain limit) and (its longest host); the bound is the sum over waves plus the
/// settle times between them. The figure is simulated makespan / bound; 1.0 would be a perfect schedule.
/// </para>
/// </summary>
internal sealed class MakespanBenchmark : IBenchmark
{
    private const int Hosts = 60;
    private const int Domains = 6;

    public string Name => "rollout-makespan-ratio";

    public BenchResult Run()
    {
        var (plan, spec) = Plan();
        var clock = new SimulationClock(new DateTimeOffset(2025, 1, 6, 1, 0, 0, TimeSpan.Zero));
        var fleet = SimulatedFleet.FromPlan(plan, clock, "sha256:previous", seed: 42);
        var dir = Directory.CreateTempSubdirectory("liveupdate-bench-");
        try
        {
            using var store = SqliteRolloutStore.Open(Path.Combine(dir.FullName, "rollouts.db"));
            using var http = new HttpClient();
            var start = clock.GetUtcNow();
            var artifacts = new RolloutArtifacts("", "sha256:playbook", new Dictionary<string, string> { [plan.Inputs.BundleDigest] = dir.FullName });
            var id = Rollouts.Create(store, plan, spec, artifacts, start);
            var engine = new RolloutEngine(store, fleet, new GateEvaluator(http, clock), clock);
            var loop = new SimulationLoop(clock);
            var run = loop.Start(() => engine.RunAsync(id, spec, CancellationToken.None));
            loop.RunUntil(() => run.IsCompleted);
            if (run.Result != RolloutState.Completed || store.Hosts(id).Any(h => h.Phase != HostPhase.Succeeded))
            {
                throw new InvalidOperationException($"the simulated rollout ended {run.Result}; the figure would be meaningless");
            }

            var makespan = store.Hosts(id).Max(h => h.EndedAt!.Value) - start;
            return new BenchResult(Name, makespan / LowerBound(plan, fleet), "x", "<=", 1.15);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static TimeSpan LowerBound(RolloutPlan plan, SimulatedFleet fleet)
    {
        var bound = plan.Limits.Settle * (plan.Waves.Count - 1);
        foreach (var wave in plan.Waves)
        {
            var work = wave.Hosts.ToDictionary(h => h.Name, h => HostTime(fleet.Agents[h.Name].Profile));
            var total = work.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
            var busiestDomain = wave.Hosts.GroupBy(h => h.FailureDomain).Max(g => g.Aggregate(TimeSpan.Zero, (a, h) => a + work[h.Name]));
            bound += new[] { total / plan.Limits.MaxInCriticalSection, busiestDomain / plan.Limits.MaxPerFailureDomain, work.Values.Max() }.Max();
        }

        return bound;
    }

    // Describe, Prepare and Execute each take one call time; staging takes the stage time; then every step.
    private static TimeSpan HostTime(SimulatedHost host) =>
        host.StageTime + (3 * host.CallTime) + host.Steps.Aggregate(TimeSpan.Zero, (a, s) => a + s.Duration);

    private static (RolloutPlan Plan, RolloutSpec Spec) Plan()
    {
        // Hosts differ in VM count and memory, so their simulated step times differ as real hosts' do.
        var inventory = PlanFixtures.Inventory(Hosts, Domains);
        var facts = inventory.Hosts.Select((h, i) => PlanFixtures.Facts(h.Name, vms: 2 + (i % 5), vmMemoryGiB: 2L + (i * 7 % 11)))
            .ToDictionary(f => f.Host, StringComparer.Ordinal);
        var spec = new RolloutSpec(
            "bench-makespan", "pmem-kexec", "./bundle", [WaveSize.Hosts(1), WaveSize.OfFleet(10), WaveSize.OfFleet(100)],
            MaxInCriticalSection: 6, MaxPerFailureDomain: 1, FailureBudget.Hosts(0), TimeSpan.FromMinutes(2),
            RolloutOrder.InterleaveDomains, Seed: null, FailureDomainGroupPrefix: null, [], RolloutGates.None, "bench", "sha256:bench-spec");
        var input = new PlanInput(inventory, spec, PlanFixtures.Playbook, PlanFixtures.Bundle, facts);
        return (RolloutPlanner.Plan(input), spec);
    }
}
