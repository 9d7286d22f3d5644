using Stateless;
using Stateless.Graph;
using S = LiveUpdate.Orchestrator.Rollout.RolloutState;
using T = LiveUpdate.Orchestrator.Rollout.RolloutTrigger;

namespace LiveUpdate.Orchestrator.Rollout;

/// <summary>
/// The rollout transition table, in one place. A pause, an abort, a failed gate or an exceeded
/// failure budget never interrupts a host inside its blackout: they only stop new hosts from
/// starting, and the rollout settles once the hosts in flight have drained.
/// </summary>
public static class RolloutStateMachine
{
    public static StateMachine<S, T> Create(Func<S> read, Action<S> write)
    {
        var sm = new StateMachine<S, T>(read, write, FiringMode.Immediate);

        sm.Configure(S.Planned)
            .Permit(T.Start, S.RunningWave)
            .Permit(T.Abort, S.Aborted);

        sm.Configure(S.Running)
            .Permit(T.Pause, S.Paused)
            .Permit(T.Abort, S.Aborting)
            .Permit(T.BudgetExceeded, S.Failing)
            .Permit(T.GateFailed, S.Failing);

        sm.Configure(S.RunningWave)
            .SubstateOf(S.Running)
            .Permit(T.WaveCompleted, S.Settling)
            .Permit(T.AllWavesCompleted, S.Completed)
            .Permit(T.WindowClosed, S.WaitingForWindow);

        sm.Configure(S.Settling)
            .SubstateOf(S.Running)
            .Permit(T.SettleElapsed, S.RunningWave)
            .Permit(T.WindowClosed, S.WaitingForWindow);

        sm.Configure(S.WaitingForWindow)
            .SubstateOf(S.Running)
            .Permit(T.WindowOpened, S.RunningWave);

        sm.Configure(S.Paused)
            .Permit(T.Resume, S.RunningWave)
            .Permit(T.Abort, S.Aborting)
            .Permit(T.BudgetExceeded, S.Failing)
            .Ignore(T.Pause);

        sm.Configure(S.Aborting)
            .Permit(T.InFlightDrained, S.Aborted)
            .Ignore(T.Abort)
            .Ignore(T.BudgetExceeded);

        sm.Configure(S.Failing)
            .Permit(T.InFlightDrained, S.Failed)
            .Permit(T.Abort, S.Aborting)
            .Ignore(T.BudgetExceeded)
            .Ignore(T.GateFailed);

        foreach (var ended in new[] { S.Completed, S.Failed, S.Aborted })
        {
            sm.Configure(ended).Permit(T.Rollback, S.RollingBack);
        }

        sm.Configure(S.RollingBack)
            .Permit(T.RollbackCompleted, S.RolledBack)
            .Permit(T.RollbackFailed, S.Failed);

        return sm;
    }

    /// <summary>True when the rollout will never admit another host.</summary>
    public static bool IsFinal(S state) => state is S.Completed or S.Failed or S.Aborted or S.RolledBack;

    /// <summary>True when new hosts may start now.</summary>
    public static bool AdmitsHosts(S state) => state is S.RunningWave or S.RollingBack;

    public static string ToMermaid()
    {
        var state = S.Planned;
        return MermaidGraph.Format(Create(() => state, s => state = s).GetInfo());
    }
}
