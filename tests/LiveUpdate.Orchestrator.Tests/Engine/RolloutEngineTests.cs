using LiveUpdate.Orchestrator.AgentApi.Simulation;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Tests.Planning;

namespace LiveUpdate.Orchestrator.Tests.Engine;

public sealed class RolloutEngineTests
{
    private static RolloutSpec Spec(int budget = 2, RolloutGates? gates = null) =>
        PlanFixtures.Spec(waves: [WaveSize.Hosts(1), WaveSize.OfFleet(25), WaveSize.OfFleet(100)], maxInCritical: 3, maxPerDomain: 1) with
        {
            FailureBudget = FailureBudget.Hosts(budget),
            Gates = gates ?? RolloutGates.None,
        };

    [Fact]
    public void RunAsync_BudgetExceededWhileHostInFlight_InFlightFinishesAndRolloutFails()
    {
        var failures = new Dictionary<string, SimulatedFailure> { ["hv-001"] = SimulatedFailure.FailBeforeHandover, ["hv-002"] = SimulatedFailure.FailBeforeHandover };
        using var harness = new EngineHarness(spec: Spec(budget: 1), failures: failures);

        var state = harness.Run();

        var hosts = harness.Hosts().ToDictionary(h => h.Host);
        Assert.Equal(RolloutState.Failed, state);
        Assert.Equal(HostPhase.RolledBack, hosts["hv-001"].Phase);
        Assert.Equal(HostPhase.RolledBack, hosts["hv-002"].Phase);
        Assert.Equal(HostPhase.Succeeded, hosts["hv-003"].Phase);
        Assert.All(hosts.Values.Where(h => h.Wave == 3), h => Assert.Equal(HostPhase.NotStarted, h.Phase));
        Assert.Equal("RolledBack", harness.Fleet.Agents["hv-001"].State);
    }

    [Fact]
    public void RunAsync_FailureAfterHandover_HostNeedsAttentionAndCountsAgainstBudget()
    {
        var failures = new Dictionary<string, SimulatedFailure> { ["hv-000"] = SimulatedFailure.FailAfterHandover };
        using var harness = new EngineHarness(spec: Spec(budget: 0), failures: failures);

        var state = harness.Run();

        Assert.Equal(RolloutState.Failed, state);
        var canary = harness.Hosts().Single(h => h.Host == "hv-000");
        Assert.Equal(HostPhase.NeedsAttention, canary.Phase);
        Assert.Contains("PMEM", canary.Reason, StringComparison.Ordinal);
        Assert.All(harness.Hosts().Where(h => h.Host != "hv-000"), h => Assert.Equal(HostPhase.NotStarted, h.Phase));
    }

    [Fact]
    public void RunAsync_PausedThenResumed_StartsNothingWhilePausedThenCompletes()
    {
        using var harness = new EngineHarness();
        harness.RunUntil(() => harness.AgentsIn("Executing") >= 2);
        harness.Request(RolloutControl.Pause);

        Assert.False(harness.RunSteps(3000).Done);

        var paused = harness.Hosts();
        Assert.Equal(RolloutState.Paused, harness.Read(s => s.FindRollout(harness.RolloutId)!.State));
        Assert.DoesNotContain(paused, h => h.Phase.IsInFlight());
        Assert.Contains(paused, h => h.Phase == HostPhase.Pending);

        harness.Request(RolloutControl.Resume);
        Assert.Equal(RolloutState.Completed, harness.Run());
        Assert.All(harness.Hosts(), h => Assert.Equal(HostPhase.Succeeded, h.Phase));
    }

    [Fact]
    public void RunAsync_AbortedWithHostsInFlight_EndsAbortedWithNoHostLeftInFlight()
    {
        using var harness = new EngineHarness();
        harness.RunUntil(() => harness.AgentsIn("Executing") >= 2);
        Assert.Contains(harness.Hosts(), h => h.Phase.IsInFlight());
        harness.Request(RolloutControl.Abort);

        var state = harness.Run();

        var hosts = harness.Hosts();
        Assert.Equal(RolloutState.Aborted, state);
        Assert.DoesNotContain(hosts, h => h.Phase is HostPhase.Pending or HostPhase.Starting or HostPhase.Executing);
        Assert.Contains(hosts, h => h.Phase == HostPhase.NotStarted);
        Assert.All(hosts.Where(h => h.Phase == HostPhase.Succeeded), h => Assert.Equal(PlanFixtures.TargetRelease, harness.Fleet.Agents[h.Host].KernelRelease));
    }

    [Fact]
    public void RollbackAsync_CompletedRollout_ReturnsEveryUpdatedHostToItsPreviousBundle()
    {
        using var harness = new EngineHarness(hosts: 6, domains: 3);
        Assert.Equal(RolloutState.Completed, harness.Run());

        var state = harness.Run(engine => engine.RollbackAsync(harness.RolloutId, harness.Spec, CancellationToken.None));

        Assert.Equal(RolloutState.RolledBack, state);
        Assert.All(harness.Hosts(harness.RolloutId + ".rollback"), h => Assert.Equal(HostPhase.Succeeded, h.Phase));
        Assert.All(harness.Fleet.Agents.Values, a =>
        {
            Assert.Equal(EngineHarness.OldBundle, a.BundleDigest);
            Assert.Equal(a.Profile.KernelRelease, a.KernelRelease);
        });
    }

    [Fact]
    public void RunAsync_AfterWaveBlackoutGateFails_RolloutFailsAfterFirstWave()
    {
        var spec = Spec(gates: new RolloutGates([], [], [new BlackoutGate(TimeSpan.FromSeconds(1))]));
        using var http = new HttpClient();
        using var harness = new EngineHarness(spec: spec, gates: new GateEvaluator(http, TimeProvider.System));

        var state = harness.Run();

        Assert.Equal(RolloutState.Failed, state);
        Assert.Equal(HostPhase.Succeeded, harness.Hosts().Single(h => h.Wave == 1).Phase);
        Assert.All(harness.Hosts().Where(h => h.Wave > 1), h => Assert.Equal(HostPhase.NotStarted, h.Phase));
        Assert.Contains(harness.Read(s => s.Events(harness.RolloutId)), e => e.Kind == "rollout-gatefailed");
    }

    [Fact]
    public void RunAsync_BeforeHostGateFails_HostFailedAndRolloutFails()
    {
        var spec = Spec(budget: 5, gates: new RolloutGates([new CommandGate("false", TimeSpan.FromSeconds(5))], [], []));
        var gates = new FixedGates(pass: false);
        using var harness = new EngineHarness(spec: spec, gates: gates);

        var state = harness.Run();

        Assert.Equal(RolloutState.Failed, state);
        Assert.Equal(1, gates.Evaluations);
        Assert.Equal(HostPhase.Failed, harness.Hosts().Single(h => h.Host == "hv-000").Phase);
        Assert.Empty(harness.Fleet.Observer.ExecuteCalls);
    }
}
