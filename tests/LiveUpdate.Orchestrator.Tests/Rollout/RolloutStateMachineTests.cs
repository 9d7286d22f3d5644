using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Testing;
using Stateless;
using S = LiveUpdate.Orchestrator.Rollout.RolloutState;
using T = LiveUpdate.Orchestrator.Rollout.RolloutTrigger;

namespace LiveUpdate.Orchestrator.Tests.Rollout;

public sealed class RolloutStateMachineTests
{
    [Fact]
    [Trait("Category", "generated")]
    public void ToMermaid_CheckedInDiagram_IsUpToDate()
    {
        GeneratedFile.AssertUpToDate(
            "docs/state-machines/rollout.md",
            MermaidDocument.Wrap("Rollout state machine (orchestrator)", "Orchestrator/LiveUpdate.Orchestrator/Rollout/RolloutStateMachine.cs", RolloutStateMachine.ToMermaid()));
    }

    [Fact]
    public void Fire_TwoWavesWithSettle_EndsCompleted()
    {
        var (sm, read) = Build(S.Planned);

        foreach (var t in new[] { T.Start, T.WaveCompleted, T.SettleElapsed, T.AllWavesCompleted })
        {
            sm.Fire(t);
        }

        Assert.Equal(S.Completed, read());
    }

    [Theory]
    [InlineData(S.RunningWave)]
    [InlineData(S.Settling)]
    [InlineData(S.WaitingForWindow)]
    public void Fire_BudgetExceededWhileRunning_DrainsThenFails(S running)
    {
        var (sm, read) = Build(running);

        sm.Fire(T.BudgetExceeded);
        Assert.Equal(S.Failing, read());
        Assert.False(RolloutStateMachine.AdmitsHosts(read()));

        sm.Fire(T.InFlightDrained);
        Assert.Equal(S.Failed, read());
    }

    [Fact]
    public void Fire_PauseThenResume_ReturnsToWave()
    {
        var (sm, read) = Build(S.RunningWave);

        sm.Fire(T.Pause);
        Assert.False(RolloutStateMachine.AdmitsHosts(read()));
        sm.Fire(T.Resume);

        Assert.Equal(S.RunningWave, read());
    }

    [Fact]
    public void Fire_AbortWhilePaused_DrainsThenAborted()
    {
        var (sm, read) = Build(S.Paused);

        sm.Fire(T.Abort);
        sm.Fire(T.InFlightDrained);

        Assert.Equal(S.Aborted, read());
    }

    [Theory]
    [InlineData(S.Completed)]
    [InlineData(S.Failed)]
    [InlineData(S.Aborted)]
    public void Fire_RollbackAfterAnEnd_RollsBack(S ended)
    {
        var (sm, read) = Build(ended);

        sm.Fire(T.Rollback);
        Assert.True(RolloutStateMachine.AdmitsHosts(read()));
        sm.Fire(T.RollbackCompleted);

        Assert.Equal(S.RolledBack, read());
    }

    [Fact]
    public void CanFire_StartOnceStarted_IsFalse()
    {
        var (sm, _) = Build(S.RunningWave);

        Assert.False(sm.CanFire(T.Start));
    }

    private static (StateMachine<S, T> Machine, Func<S> Read) Build(S initial)
    {
        var state = initial;
        return (RolloutStateMachine.Create(() => state, s => state = s), () => state);
    }
}
