using LiveUpdate.Orchestrator.AgentApi.Simulation;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;

using LiveUpdate.Orchestrator.Tests.Planning;

namespace LiveUpdate.Orchestrator.Tests.Engine;

public sealed class RolloutEngineCrashTests
{
    [Theory]
    [InlineData(11UL, 20, 4)]
    [InlineData(29UL, 24, 6)]
    [InlineData(47UL, 16, 3)]
    public void RunAsync_KilledAtRandomPointsAndRestarted_FinishesEveryHostExactlyOnce(ulong seed, int hostCount, int domains)
    {
        var failures = Enumerable.Range(0, hostCount).Where(i => i % 3 == 1)
            .ToDictionary(i => $"hv-{i:D3}", _ => SimulatedFailure.DropStreamInBlackout);
        using var harness = new EngineHarness(hostCount, domains, failures: failures, seed: seed);
        var random = new Random((int)seed);
        var crashes = 0;
        RolloutState? final = null;
        while (final is null)
        {
            // Up to 100 kills, each after a random number of steps; then the engine is left to finish.
            var steps = crashes < 100 ? random.Next(1, 25) : long.MaxValue;
            var (done, state) = harness.RunSteps(steps);
            if (done)
            {
                final = state;
            }
            else
            {
                crashes++;
            }
        }

        var hosts = harness.Hosts();
        var observer = harness.Fleet.Observer;
        Assert.True(final == RolloutState.Completed, $"ended {final}: " + string.Join("; ", hosts.Select(h => $"{h.Host} {h.Phase} {h.Reason}")));
        Assert.True(crashes >= 50, $"only {crashes} kills happened; the test would prove little");
        Assert.Equal(hostCount, hosts.Count);
        Assert.All(hosts, h => Assert.Equal(HostPhase.Succeeded, h.Phase));
        Assert.All(harness.Fleet.Agents.Values, a => Assert.Equal("Completed", a.State));
        Assert.Equal(hostCount, observer.ExecuteCalls.Count);
        Assert.All(observer.ExecuteCalls, c => Assert.Equal(1, c.Value));
        Assert.All(harness.Fleet.Agents.Values, a => Assert.All(
            a.Journal.Where(e => e.Type == "StepStarted").GroupBy(e => e.StepId), g => Assert.Single(g)));
        Assert.InRange(observer.PeakInCriticalSection, 1, harness.Plan.Limits.MaxInCriticalSection);
        Assert.All(observer.PeakByDomain.Values, peak => Assert.InRange(peak, 1, harness.Plan.Limits.MaxPerFailureDomain));
    }

    [Fact]
    public void RunAsync_NoCrash_RecordsBlackoutAndKernelOfEveryHost()
    {
        using var harness = new EngineHarness(hosts: 6, domains: 3);

        Assert.Equal(RolloutState.Completed, harness.Run());

        Assert.All(harness.Hosts(), h =>
        {
            Assert.InRange(h.Blackout!.Value, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
            Assert.Equal(PlanFixtures.TargetRelease, h.NewKernel);
            Assert.Equal(EngineHarness.OldBundle, h.OldBundle);
        });
    }
}
