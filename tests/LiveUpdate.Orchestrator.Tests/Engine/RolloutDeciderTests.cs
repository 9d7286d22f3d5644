using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;
using Microsoft.Extensions.Time.Testing;
using static LiveUpdate.Orchestrator.Tests.Engine.DeciderFixtures;
using S = LiveUpdate.Orchestrator.Rollout.RolloutState;
using T = LiveUpdate.Orchestrator.Rollout.RolloutTrigger;

using LiveUpdate.Orchestrator.Tests.Planning;

namespace LiveUpdate.Orchestrator.Tests.Engine;

public sealed class RolloutDeciderTests
{
    [Fact]
    public void Decide_Planned_FiresStartAtFirstWave()
    {
        var decisions = Decide(RolloutIn(S.Planned), [Host("a", "r1", wave: 2)]);

        var fire = Assert.IsType<FireTrigger>(Assert.Single(decisions));
        Assert.Equal(T.Start, fire.Trigger);
        Assert.Equal(2, fire.Progress!.CurrentWave);
    }

    [Fact]
    public void Decide_MoreHostsThanOverallLimit_StartsOnlyUpToLimit()
    {
        var hosts = Enumerable.Range(0, 6).Select(i => Host($"h{i}", $"d{i}", position: i)).ToList();

        var started = Started(Decide(RolloutIn(S.RunningWave), hosts, plan: Plan(maxInCritical: 3, maxPerDomain: 1)));

        Assert.Equal(["h0", "h1", "h2"], started);
    }

    [Fact]
    public void Decide_HostsInFlightCountAgainstLimit_StartsOnlyTheRest()
    {
        List<HostRecord> hosts = [Host("a", "d1", phase: HostPhase.Executing), Host("b", "d2", phase: HostPhase.Starting), Host("c", "d3", position: 2), Host("d", "d4", position: 3)];

        var started = Started(Decide(RolloutIn(S.RunningWave), hosts, plan: Plan(maxInCritical: 3, maxPerDomain: 1)));

        Assert.Equal(["c"], started);
    }

    [Fact]
    public void Decide_DomainFull_SkipsItsHostsAndAdmitsOtherDomains()
    {
        List<HostRecord> hosts = [Host("a", "rack-1", phase: HostPhase.Executing), Host("b", "rack-1", position: 1), Host("c", "rack-1", position: 2), Host("d", "rack-2", position: 3), Host("e", "rack-2", position: 4)];

        var started = Started(Decide(RolloutIn(S.RunningWave), hosts, plan: Plan(maxInCritical: 10, maxPerDomain: 1)));

        Assert.Equal(["d"], started);
    }

    [Fact]
    public void Decide_TwoPerDomain_AdmitsTwoOfEachDomain()
    {
        var hosts = Enumerable.Range(0, 6).Select(i => Host($"h{i}", i < 3 ? "x" : "y", position: i)).ToList();

        var started = Started(Decide(RolloutIn(S.RunningWave), hosts, plan: Plan(maxInCritical: 10, maxPerDomain: 2)));

        Assert.Equal(["h0", "h1", "h3", "h4"], started);
    }

    [Fact]
    public void Decide_LaterWavePending_NeverStartsItBeforeCurrentWaveEnds()
    {
        List<HostRecord> hosts = [Host("a", "d1", wave: 1, phase: HostPhase.Executing), Host("b", "d2", wave: 2)];

        var decisions = Decide(RolloutIn(S.RunningWave, wave: 1), hosts);

        Assert.Empty(Started(decisions));
    }

    [Fact]
    public void Decide_WaveEnded_CompletesWaveAndStartsSettleNow()
    {
        List<HostRecord> hosts = [Host("a", "d1", wave: 1, phase: HostPhase.Succeeded), Host("b", "d2", wave: 2)];

        var fire = Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.RunningWave, wave: 1), hosts)));

        Assert.Equal(T.WaveCompleted, fire.Trigger);
        Assert.Equal(Monday, fire.Progress!.WaveEndedAt);
    }

    [Fact]
    public void Decide_SettlingBeforeSettleElapsed_WaitsUntilSettleEnd()
    {
        var clock = new FakeTimeProvider(Monday);
        var ended = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(30));
        List<HostRecord> hosts = [Host("a", "d1", wave: 1, phase: HostPhase.Succeeded), Host("b", "d2", wave: 2)];

        var wait = Assert.IsType<WaitUntil>(Assert.Single(Decide(RolloutIn(S.Settling, wave: 1, waveEndedAt: ended), hosts, clock.GetUtcNow(), Plan(settle: TimeSpan.FromMinutes(2)))));

        Assert.Equal(ended + TimeSpan.FromMinutes(2), wait.At);
    }

    [Fact]
    public void Decide_SettleElapsed_MovesToNextWave()
    {
        var clock = new FakeTimeProvider(Monday);
        var ended = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(2));
        List<HostRecord> hosts = [Host("a", "d1", wave: 1, phase: HostPhase.Succeeded), Host("b", "d2", wave: 3)];

        var fire = Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.Settling, wave: 1, waveEndedAt: ended), hosts, clock.GetUtcNow(), Plan(settle: TimeSpan.FromMinutes(2)))));

        Assert.Equal(T.SettleElapsed, fire.Trigger);
        Assert.Equal(3, fire.Progress!.CurrentWave);
    }

    [Fact]
    public void Decide_LastWaveEnded_CompletesRollout()
    {
        var fire = Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.RunningWave, wave: 2), [Host("a", "d1", wave: 1, phase: HostPhase.Succeeded), Host("b", "d1", wave: 2, phase: HostPhase.Succeeded)])));

        Assert.Equal(T.AllWavesCompleted, fire.Trigger);
    }

    [Fact]
    public void Decide_WindowClosesAndReopens_StopsThenResumesAdmission()
    {
        var window = new MaintenanceWindow([DayOfWeek.Monday], new TimeOnly(1, 0), new TimeOnly(5, 0), TimeZoneInfo.Utc);
        var spec = Spec(windows: [window]);
        var clock = new FakeTimeProvider(Monday);
        List<HostRecord> hosts = [Host("a", "d1")];

        Assert.Equal(["a"], Started(Decide(RolloutIn(S.RunningWave), hosts, clock.GetUtcNow(), spec: spec)));

        clock.Advance(TimeSpan.FromHours(3));
        var closed = Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.RunningWave), hosts, clock.GetUtcNow(), spec: spec)));
        Assert.Equal(T.WindowClosed, closed.Trigger);

        var wait = Assert.IsType<WaitUntil>(Assert.Single(Decide(RolloutIn(S.WaitingForWindow), hosts, clock.GetUtcNow(), spec: spec)));
        Assert.Equal(new DateTimeOffset(2025, 1, 13, 1, 0, 0, TimeSpan.Zero), wait.At);

        clock.SetUtcNow(wait.At);
        var opened = Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.WaitingForWindow), hosts, clock.GetUtcNow(), spec: spec)));
        Assert.Equal(T.WindowOpened, opened.Trigger);
    }

    [Fact]
    public void Decide_FailuresWithinBudget_KeepsAdmitting()
    {
        List<HostRecord> hosts = [Host("a", "d1", phase: HostPhase.RolledBack), Host("b", "d2", position: 1)];

        Assert.Equal(["b"], Started(Decide(RolloutIn(S.RunningWave), hosts, plan: Plan(budget: 1))));
    }

    [Theory]
    [InlineData(HostPhase.RolledBack)]
    [InlineData(HostPhase.NeedsAttention)]
    [InlineData(HostPhase.Failed)]
    public void Decide_BudgetExceeded_FiresBudgetExceeded(HostPhase failure)
    {
        List<HostRecord> hosts = [Host("a", "d1", phase: failure), Host("b", "d2", phase: HostPhase.RolledBack), Host("c", "d3", position: 2)];

        var fire = Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.RunningWave), hosts, plan: Plan(budget: 1))));

        Assert.Equal(T.BudgetExceeded, fire.Trigger);
    }

    [Fact]
    public void Decide_PercentBudgetResolvedByPlanner_ExceededAtNextFailure()
    {
        var spec = PlanFixtures.Spec() with { FailureBudget = FailureBudget.OfFleet(10) };
        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 20, domains: 4, spec: spec));
        var failed = Enumerable.Range(0, 3).Select(i => Host($"f{i}", "d", phase: HostPhase.RolledBack)).ToList();
        var pending = Host("p", "e", position: 9);

        Assert.Equal(2, plan.Limits.FailureBudget);
        Assert.Equal(["p"], Started(Decide(RolloutIn(S.RunningWave), [.. failed[..2], pending], plan: plan)));
        Assert.Equal(T.BudgetExceeded, Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.RunningWave), [.. failed, pending], plan: plan))).Trigger);
    }

    [Fact]
    public void Decide_FailingWithHostsInFlight_StartsNothingAndWaits()
    {
        List<HostRecord> hosts = [Host("a", "d1", phase: HostPhase.Executing), Host("b", "d2", position: 1)];

        Assert.Empty(Decide(RolloutIn(S.Failing), hosts));
    }

    [Fact]
    public void Decide_FailingDrained_MarksPendingNotStartedAndFails()
    {
        List<HostRecord> hosts = [Host("a", "d1", phase: HostPhase.RolledBack), Host("b", "d2", position: 1)];

        var decisions = Decide(RolloutIn(S.Failing), hosts);

        Assert.Equal("b", Assert.IsType<MarkNotStarted>(decisions[0]).Host);
        Assert.Equal(T.InFlightDrained, Assert.IsType<FireTrigger>(decisions[1]).Trigger);
    }

    [Fact]
    public void Decide_PauseRequested_PausesAndThenStartsNothing()
    {
        List<HostRecord> hosts = [Host("a", "d1")];

        Assert.Equal(T.Pause, Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.RunningWave, pause: true), hosts))).Trigger);
        Assert.Empty(Decide(RolloutIn(S.Paused, pause: true), hosts));
    }

    [Fact]
    public void Decide_PausedAndResumeRequested_Resumes()
    {
        var fire = Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.Paused, pause: false), [Host("a", "d1")])));

        Assert.Equal(T.Resume, fire.Trigger);
    }

    [Fact]
    public void Decide_AbortRequested_FiresAbortThenAbortsInFlightHosts()
    {
        List<HostRecord> hosts = [Host("a", "d1", phase: HostPhase.Executing), Host("b", "d2", phase: HostPhase.Starting, abortRequested: true), Host("c", "d3", position: 2)];

        Assert.Equal(T.Abort, Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.Paused, abort: true), hosts))).Trigger);
        var abort = Assert.IsType<AbortHost>(Assert.Single(Decide(RolloutIn(S.Aborting, abort: true), hosts)));
        Assert.Equal("a", abort.Host);
    }

    [Fact]
    public void Decide_AbortRequestedBeforeStart_AccountsForEveryHostAsNotStarted()
    {
        List<HostRecord> hosts = [Host("a", "d1"), Host("b", "d2", position: 1)];

        var decisions = Decide(RolloutIn(S.Planned, abort: true), hosts);

        Assert.Equal(["a", "b"], decisions.OfType<MarkNotStarted>().Select(d => d.Host));
        Assert.Equal(T.Abort, Assert.IsType<FireTrigger>(decisions[^1]).Trigger);
    }

    [Fact]
    public void Decide_AbortingDrained_EndsAborted()
    {
        var decisions = Decide(RolloutIn(S.Aborting, abort: true), [Host("a", "d1", phase: HostPhase.Succeeded), Host("c", "d3", position: 2)]);

        Assert.Equal(T.InFlightDrained, Assert.IsType<FireTrigger>(decisions[^1]).Trigger);
        Assert.Single(decisions.OfType<MarkNotStarted>());
    }

    [Fact]
    public void Decide_WaveEndedWithAfterWaveGates_RunsGatesBeforeCompletingWave()
    {
        var spec = Spec(gates: new RolloutGates([], [], [new BlackoutGate(TimeSpan.FromSeconds(10))]));
        List<HostRecord> hosts = [Host("a", "d1", wave: 1, phase: HostPhase.Succeeded), Host("b", "d2", wave: 2)];

        Assert.Equal(1, Assert.IsType<RunWaveGates>(Assert.Single(Decide(RolloutIn(S.RunningWave), hosts, spec: spec))).Wave);
        Assert.Equal(T.WaveCompleted, Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.RunningWave, gatesPassed: 1), hosts, spec: spec))).Trigger);
    }

    [Fact]
    public void Decide_HostGateFailed_FiresGateFailed()
    {
        var hosts = new List<HostRecord> { Host("a", "d1", phase: HostPhase.Succeeded) with { GateFailed = true }, Host("b", "d2", position: 1) };

        Assert.Equal(T.GateFailed, Assert.IsType<FireTrigger>(Assert.Single(Decide(RolloutIn(S.RunningWave), hosts, plan: Plan(budget: 5)))).Trigger);
    }

    [Theory]
    [InlineData(S.Completed)]
    [InlineData(S.Failed)]
    [InlineData(S.Aborted)]
    public void Decide_FinalState_DecidesNothing(S state)
    {
        Assert.Empty(Decide(RolloutIn(state, abort: true), [Host("a", "d1")]));
    }
}
